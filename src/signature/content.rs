//! What a signature binds to: a canonical rendering of a record's content,
//! one `name=value` line per fact in a fixed order, values escaped so no
//! value can pose as another line, and its SHA-256. Each kind of record
//! says here which of its facts are signed; status and row versions are
//! left out on purpose (see the module above).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::RecordKind;
use crate::sink::SinkChoices;

/// The SHA-256 of a record's canonical content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ContentHash([u8; 32]);

impl ContentHash {
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// A stored hash; `None` unless it is 32 bytes.
    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        bytes.try_into().ok().map(Self)
    }

    pub fn to_hex(&self) -> String {
        crate::text::hex(&self.0)
    }
}

/// A record's canonical content as it is built, fact by fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    text: String,
}

impl Content {
    fn of(kind: RecordKind) -> Self {
        Self {
            text: String::new(),
        }
        .fact("kind", crate::DbEnum::as_db_str(kind))
    }

    /// Adds `name=value` as one line; a backslash or line break in the
    /// value is escaped, so it cannot end its line.
    fn fact(mut self, name: &str, value: impl std::fmt::Display) -> Self {
        let value = value.to_string();
        self.text.push_str(name);
        self.text.push('=');
        for character in value.chars() {
            match character {
                '\\' => self.text.push_str("\\\\"),
                '\n' => self.text.push_str("\\n"),
                '\r' => self.text.push_str("\\r"),
                other => self.text.push(other),
            }
        }
        self.text.push('\n');
        self
    }

    /// The rendering that is hashed.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn hash(&self) -> ContentHash {
        ContentHash(Sha256::digest(self.text.as_bytes()).into())
    }

    /// A BOM version: its build, its version number and its lines (part or
    /// description, level, quantity and scrap), in line order.
    pub fn bom(build_number: &str, version: i32, lines: &[BomLineContent]) -> Self {
        let mut lines: Vec<&BomLineContent> = lines.iter().collect();
        lines.sort_by_key(|line| line.line_number);
        lines.into_iter().fold(
            Self::of(RecordKind::Bom)
                .fact("build", build_number)
                .fact("version", version),
            |content, line| {
                content.fact(
                    "line",
                    format!(
                        "{}|{}|{}|{}|{}|{}",
                        line.line_number,
                        line.level,
                        line.part_number.as_deref().unwrap_or("-"),
                        line.description,
                        line.quantity_required.normalize(),
                        line.scrap_factor.normalize()
                    ),
                )
            },
        )
    }

    /// A sink configuration: its build and every choice, as the wizard
    /// records them.
    pub fn sink_configuration(build_number: &str, choices: &SinkChoices) -> Self {
        let basins = choices.basins.iter().fold(
            Self::of(RecordKind::SinkConfiguration)
                .fact("build", build_number)
                .fact("family", &choices.family)
                .fact("quantity", &choices.quantity)
                .fact("material", &choices.material)
                .fact("finish", &choices.finish)
                .fact(
                    "body",
                    format!("{}|{}|{}", choices.width, choices.depth, choices.height),
                )
                .fact("mounting", &choices.mounting),
            |content, basin| {
                content.fact(
                    "basin",
                    format!(
                        "{}|{}|{}|{}",
                        basin.width, basin.length, basin.depth, basin.drain_position
                    ),
                )
            },
        );
        let fixed = basins
            .fact(
                "pegboard",
                format!(
                    "{}|{}|{}",
                    choices.pegboard, choices.pegboard_width, choices.pegboard_height
                ),
            )
            .fact(
                "legs",
                format!(
                    "{}|{}|{}",
                    choices.legs, choices.leg_height_min, choices.leg_height_max
                ),
            )
            .fact(
                "faucet",
                format!("{}|{}", choices.faucet, choices.faucet_shared),
            )
            .fact("drain", &choices.drain);
        choices.accessories.iter().fold(fixed, |content, item| {
            content.fact("accessory", format!("{}|{}", item.code, item.quantity))
        })
    }

    /// A build's checklist for a phase in its round: every item's result,
    /// reading and photos, in item order, and its defects with their
    /// standing. The sign-off covers exactly what the inspector saw.
    pub fn qc_checklist(
        build_number: &str,
        phase: &str,
        round: i32,
        items: &[QcItemContent],
        defects: &[(String, String)],
    ) -> Self {
        let mut items: Vec<&QcItemContent> = items.iter().collect();
        items.sort_by_key(|item| item.number);
        let mut defects: Vec<&(String, String)> = defects.iter().collect();
        defects.sort();
        let content = Self::of(RecordKind::QcChecklist)
            .fact("build", build_number)
            .fact("phase", phase)
            .fact("round", round);
        let content = items.into_iter().fold(content, |content, item| {
            let mut photos = item.photos.clone();
            photos.sort();
            content.fact(
                "item",
                format!(
                    "{}|{}|{}|{}|{}",
                    item.number,
                    item.description,
                    item.result,
                    item.reading,
                    photos.join(",")
                ),
            )
        });
        defects
            .into_iter()
            .fold(content, |content, (number, status)| {
                content.fact("defect", format!("{number}|{status}"))
            })
    }

    /// A defect's waiver: the defect as it stood and the reason given.
    pub fn qc_defect_waiver(number: &str, severity: &str, description: &str, reason: &str) -> Self {
        Self::of(RecordKind::QcDefect)
            .fact("defect", number)
            .fact("severity", severity)
            .fact("description", description)
            .fact("waiver", reason)
    }

    /// What an order releases when it passes final QC and ships.
    pub fn order_release(release: &OrderReleaseContent) -> Self {
        let mut builds: Vec<&(String, i32)> = release.builds.iter().collect();
        builds.sort();
        let mut lines: Vec<&(String, Decimal)> = release.lines.iter().collect();
        lines.sort();
        let content = Self::of(RecordKind::Order).fact("order", &release.order_number);
        let content = builds
            .into_iter()
            .fold(content, |content, (build, version)| {
                content.fact("build", format!("{build}|{version}"))
            });
        lines
            .into_iter()
            .fold(content, |content, (part, quantity)| {
                content.fact("item", format!("{part}|{}", quantity.normalize()))
            })
    }
}

/// One checklist item as a sign-off reads it: its result, the value read
/// and the checksum of every photo taken for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QcItemContent {
    pub number: i32,
    pub description: String,
    /// PASS, FAIL or NOT_APPLICABLE; "-" when nothing was recorded.
    pub result: String,
    /// "12.5 mm"; "-" when no value was read.
    pub reading: String,
    /// SHA-256 of each photo, in hex.
    pub photos: Vec<String>,
}

/// One BOM line as its signature reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BomLineContent {
    pub line_number: i32,
    pub level: i32,
    pub part_number: Option<String>,
    pub description: String,
    pub quantity_required: Decimal,
    pub scrap_factor: Decimal,
}

/// What an order move that releases product signs: each build with the BOM
/// version it was built to, and a service order's items. The move itself is
/// the signature's meaning, so passing QC and shipping sign the same
/// content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderReleaseContent {
    pub order_number: String,
    /// (build number, approved BOM version).
    pub builds: Vec<(String, i32)>,
    /// (part number, quantity) of a service or warranty order's items.
    pub lines: Vec<(String, Decimal)>,
}
