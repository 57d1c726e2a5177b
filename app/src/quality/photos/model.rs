//! The photo as a checklist shows it, and where an upload is sent.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::routes;

/// A stored photo: what the checklist lists and what an upload answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoSummary {
    pub id: Uuid,
    pub item_id: Option<Uuid>,
    pub defect_id: Option<Uuid>,
    pub width: i32,
    pub height: i32,
    pub bytes: i64,
    /// The inspector's name.
    pub taken_by: String,
    pub taken_at: DateTime<Utc>,
}

/// What a photo is attached to: a checklist, and within it an item or a
/// defect (or neither: the unit as a whole).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoTarget {
    pub checklist: Uuid,
    pub item: Option<Uuid>,
    pub defect: Option<Uuid>,
}

impl PhotoTarget {
    /// The address a photo with the id `photo` is uploaded to (`PUT`).
    pub fn upload_path(&self, photo: Uuid) -> String {
        let mut pairs = vec![("checklist", self.checklist.to_string())];
        pairs.extend(self.item.map(|item| ("item", item.to_string())));
        pairs.extend(self.defect.map(|defect| ("defect", defect.to_string())));
        routes::with_query(&routes::qc_photo(photo), &pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_upload_path_names_the_checklist_and_only_the_item_or_defect_given() {
        let (photo, checklist, item) = (Uuid::from_u128(1), Uuid::from_u128(2), Uuid::from_u128(3));
        let on_item = PhotoTarget {
            checklist,
            item: Some(item),
            defect: None,
        };
        let on_checklist = PhotoTarget {
            item: None,
            ..on_item
        };
        assert_eq!(
            on_item.upload_path(photo),
            format!("/files/qc-photos/{photo}?checklist={checklist}&item={item}")
        );
        assert_eq!(
            on_checklist.upload_path(photo),
            format!("/files/qc-photos/{photo}?checklist={checklist}")
        );
    }
}
