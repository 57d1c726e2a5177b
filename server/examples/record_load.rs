//! The production record's targets of issue #17 (BENCHMARKS.md "#17
//! Traceability"): a build's record, as its page (SSR) and as its PDF,
//! for a build of 1,000 BOM lines, 30 tasks and a 60-item checklist with
//! 20 photos; and the lot page, whose list of builds is the recall query.
//!
//! ```text
//! RECORD_SERVER=http://127.0.0.1:3000 \
//! cargo run --release -p torvan-server --example record_load
//! ```
//!
//! `RECORD_PAGES` (50) sequential `GET /builds/<RECORD_BUILD>` of the whole
//! server-rendered HTML on one kept-alive connection, as the QC inspector
//! (who may read documents and open the photos), after three not counted,
//! then as many `GET /builds/<RECORD_BUILD>/record.pdf`. Every page must
//! show `RECORD_BOM_LINES` (1000) BOM lines, `RECORD_TASKS` (30) tasks, a
//! checklist of `RECORD_ITEMS` (60) items and `RECORD_PHOTOS` (20) photo
//! thumbnails, and every PDF must be a PDF with its content hash, so an
//! empty or refused answer cannot pass for a fast one.
//!
//! With `RECORD_LOT` (a lot's id) it then times `GET /inventory/lots/<id>`
//! the same way, which must list `RECORD_LOT_USES` builds; an empty
//! `RECORD_BUILD` skips the record. `scripts/bench/record` and
//! `scripts/bench/recall` make the data and run the server.

#[allow(dead_code, reason = "board_load posts moves; this reads pages only")]
mod load;

use std::time::{Duration, Instant};

use load::{Connection, Failure, Reply, authority, setting, sign_in, summary};

#[tokio::main]
async fn main() -> Result<(), Failure> {
    let server = authority(&setting("RECORD_SERVER", "http://127.0.0.1:3000"));
    let build = setting("RECORD_BUILD", "TB-2026-0101-01-1");
    let rounds: usize = setting("RECORD_PAGES", "50").parse()?;
    let cookie = sign_in(&server, "qc@torvan.test", "torvan-demo-2026").await?;
    let mut connection = Connection::open(&server, &cookie).await?;
    if !build.is_empty() {
        let expected = Record {
            bom_lines: setting("RECORD_BOM_LINES", "1000").parse()?,
            tasks: setting("RECORD_TASKS", "30").parse()?,
            items: setting("RECORD_ITEMS", "60").parse()?,
            photos: setting("RECORD_PHOTOS", "20").parse()?,
        };
        let path = format!("/builds/{build}");
        let (mut timings, page) = timed(&mut connection, &path, rounds, |reply| {
            let shown = Record::of(&reply.body);
            (reply.status == 200 && shown.matches(&expected))
                .then_some(reply.body.len())
                .ok_or_else(|| format!("{path} answered {} showing {shown:?}", reply.status))
        })
        .await?;
        println!(
            "page {path}: {} BOM lines, {} tasks, {} checklist items, {} photos, {} KiB of HTML; {} over {rounds} renders",
            expected.bom_lines,
            expected.tasks,
            expected.items,
            expected.photos,
            page / 1024,
            summary(&mut timings)?
        );

        let path = format!("/builds/{build}/record.pdf");
        let (mut timings, (bytes, pages)) = timed(&mut connection, &path, rounds, |reply| {
            let header = |name: &str| {
                reply
                    .headers
                    .iter()
                    .find(|(key, _)| key == name)
                    .map(|(_, value)| value.as_str())
            };
            let bytes: usize = header("content-length").unwrap_or("0").parse().unwrap_or(0);
            let pdf = reply.status == 200
                && header("content-type") == Some("application/pdf")
                && header("x-content-sha256").is_some_and(|hash| hash.len() == 64)
                && reply.body.starts_with("%PDF-")
                && bytes > 0;
            // Pages are counted in the file's objects (`/Type /Page`, not
            // the `/Type /Pages` tree).
            let pages = reply
                .body
                .matches("/Type /Page")
                .count()
                .saturating_sub(reply.body.matches("/Type /Pages").count());
            pdf.then_some((bytes, pages))
                .ok_or_else(|| format!("{path} answered {}, not a PDF", reply.status))
        })
        .await?;
        println!(
            "pdf {path}: {pages} pages, {} KiB; {} over {rounds} renders",
            bytes / 1024,
            summary(&mut timings)?
        );
    }

    let lot = setting("RECORD_LOT", "");
    if !lot.is_empty() {
        let uses: usize = setting("RECORD_LOT_USES", "0").parse()?;
        let path = format!("/inventory/lots/{lot}");
        let (mut timings, page) = timed(&mut connection, &path, rounds, |reply| {
            let listed = rows(&reply.body, r#"data-testid="lot-uses""#);
            (reply.status == 200 && listed == Some(uses))
                .then_some(reply.body.len())
                .ok_or_else(|| {
                    format!(
                        "{path} answered {} listing {listed:?} builds, not {uses}",
                        reply.status
                    )
                })
        })
        .await?;
        println!(
            "lot page {path}: {uses} builds, {} KiB of HTML; {} over {rounds} renders",
            page / 1024,
            summary(&mut timings)?
        );
    }
    Ok(())
}

/// `rounds` GETs of `path` after three not counted (they warm the server's
/// and the database's caches), each answer checked by `check`: the
/// timings and what the last check read.
async fn timed<T>(
    connection: &mut Connection,
    path: &str,
    rounds: usize,
    check: impl Fn(&Reply) -> Result<T, String>,
) -> Result<(Vec<Duration>, T), Failure> {
    let mut timings = Vec::with_capacity(rounds);
    let mut last = None;
    for round in 0..rounds + 3 {
        let started = Instant::now();
        let reply = connection.get(path).await?;
        let took = started.elapsed();
        last = Some(check(&reply)?);
        if round >= 3 {
            timings.push(took);
        }
    }
    Ok((timings, last.ok_or("nothing was asked")?))
}

/// What a record page shows of each section the benchmark grew.
#[derive(Debug)]
struct Record {
    bom_lines: usize,
    tasks: usize,
    /// The largest checklist's items.
    items: usize,
    photos: usize,
}

impl Record {
    fn of(html: &str) -> Self {
        Self {
            bom_lines: rows(html, r#"data-testid="record-bom""#).unwrap_or(0),
            tasks: rows(html, r#"data-testid="record-tasks""#).unwrap_or(0),
            items: html
                .match_indices(r#"data-testid="record-checklist""#)
                .filter_map(|(at, marker)| rows(&html[at..], marker))
                .max()
                .unwrap_or(0),
            photos: html.matches(r#"class="record-photo""#).count(),
        }
    }

    fn matches(&self, expected: &Self) -> bool {
        self.bom_lines == expected.bom_lines
            && self.tasks == expected.tasks
            && self.items == expected.items
            && self.photos == expected.photos
    }
}

/// The body rows of the first table after `marker`: its rows but the
/// header's.
fn rows(html: &str, marker: &str) -> Option<usize> {
    let start = html.find(marker)?;
    let table = &html[start..];
    let table = &table[..table.find("</table>")?];
    let rows = table.matches("<tr>").count() + table.matches("<tr ").count();
    rows.checked_sub(1)
}
