//! Which lots an issue takes from: first-expiring first, then first-in,
//! never more than a lot holds. The result is a suggestion the person may
//! change; the stock service checks whatever is chosen against the lots.

use chrono::{DateTime, NaiveDate, Utc};

/// One lot of a part with stock that may be issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LotStock<K> {
    pub key: K,
    pub received_at: DateTime<Utc>,
    pub expires_on: Option<NaiveDate>,
    pub available: i32,
}

/// The lots to take from, with how many of each, and what is still
/// missing when the lots together hold less than the need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picking<K> {
    pub takes: Vec<(K, i32)>,
    pub short: i32,
}

/// Takes `need` units from `lots`: the lot that expires first (lots
/// without an expiry after every dated one), then the one received first;
/// lots with nothing available are passed over.
pub fn pick_lots<K: Clone>(lots: &[LotStock<K>], need: i32) -> Picking<K> {
    let mut order: Vec<&LotStock<K>> = lots.iter().filter(|lot| lot.available > 0).collect();
    order.sort_by_key(|lot| (lot.expires_on.is_none(), lot.expires_on, lot.received_at));
    let mut still = need.max(0);
    let mut takes = Vec::new();
    for lot in order {
        if still == 0 {
            break;
        }
        let take = lot.available.min(still);
        takes.push((lot.key.clone(), take));
        still -= take;
    }
    Picking {
        takes,
        short: still,
    }
}

/// Takes `need` units from a part's lots and from its stock `outside` any
/// lot (received before lots were recorded, or untracked): that stock is
/// the oldest and has no expiry, so it goes after every dated lot and
/// before the undated ones. `None` is the stock outside the lots.
pub fn pick_tracked<K: Clone>(lots: &[LotStock<K>], outside: i32, need: i32) -> Picking<Option<K>> {
    let mut all: Vec<LotStock<Option<K>>> = lots
        .iter()
        .map(|lot| LotStock {
            key: Some(lot.key.clone()),
            received_at: lot.received_at,
            expires_on: lot.expires_on,
            available: lot.available,
        })
        .collect();
    all.push(LotStock {
        key: None,
        received_at: DateTime::<Utc>::MIN_UTC,
        expires_on: None,
        available: outside,
    });
    pick_lots(&all, need)
}
