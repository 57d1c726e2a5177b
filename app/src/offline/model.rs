//! What the service worker keeps and tells the page: each write it could
//! not send, read back into what it does (move a card, record a QC value,
//! store a photo), so a page can show it where it belongs and the outbox
//! can say it in words.

use std::collections::HashMap;

use serde::Deserialize;
use server_fn::ServerFn;
use torvan::DbEnum;
use torvan::quality::{ItemResult, Unit};
use torvan::workflow::{TaskNumber, TaskStatus};
use uuid::Uuid;

use crate::error::AppError;
use crate::quality::RecordResult;
use crate::tasks::board::MoveTask;
use crate::tasks::{StartTimer, StopTimer};

/// One write kept by the service worker, as it announces it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Kept {
    /// Its place in the queue: writes are sent in this order.
    pub seq: u64,
    pub path: String,
    /// The form's fields (a photo's: its address's query and its size).
    pub fields: HashMap<String, String>,
    pub queued_at: String,
    pub state: KeptState,
    /// The server's refusal, as it sent it (an `AppError` in JSON).
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeptState {
    /// Not sent yet.
    Waiting,
    /// Sent and refused: kept until the person has read why.
    Refused,
}

/// What a kept write does.
#[derive(Debug, Clone, PartialEq)]
pub enum KeptWrite {
    Move {
        task: TaskNumber,
        to: TaskStatus,
    },
    /// A timer started (`true`) or stopped on a task.
    Timer {
        task: TaskNumber,
        start: bool,
    },
    Record {
        item: Uuid,
        result: Option<ItemResult>,
        /// A measurement's reading, as typed, with its unit.
        reading: Option<(String, Option<Unit>)>,
    },
    Photo {
        item: Option<Uuid>,
    },
    /// A write this page does not know (from a newer or older version).
    Other,
}

impl Kept {
    pub fn write(&self) -> KeptWrite {
        let field = |name: &str| self.fields.get(name).filter(|value| !value.is_empty());
        if self.path == <MoveTask as ServerFn>::PATH {
            let task = field("task_number").and_then(|text| TaskNumber::parse(text).ok());
            let to = field("to").and_then(|text| TaskStatus::parse(text).ok());
            if let (Some(task), Some(to)) = (task, to) {
                return KeptWrite::Move { task, to };
            }
        } else if let Some(start) = [
            <StartTimer as ServerFn>::PATH,
            <StopTimer as ServerFn>::PATH,
        ]
        .iter()
        .position(|path| *path == self.path)
        {
            if let Some(task) = field("task_number").and_then(|text| TaskNumber::parse(text).ok()) {
                return KeptWrite::Timer {
                    task,
                    start: start == 0,
                };
            }
        } else if self.path == <RecordResult as ServerFn>::PATH {
            if let Some(item) = field("item").and_then(|text| text.parse().ok()) {
                return KeptWrite::Record {
                    item,
                    result: field("result").and_then(|text| ItemResult::parse(text).ok()),
                    reading: field("value").map(|value| {
                        let unit = field("unit").and_then(|text| Unit::parse(text).ok());
                        (value.clone(), unit)
                    }),
                };
            }
        } else if self.path.starts_with(crate::routes::QC_PHOTOS_PREFIX) {
            return KeptWrite::Photo {
                item: field("item").and_then(|text| text.parse().ok()),
            };
        }
        KeptWrite::Other
    }

    /// Why the server refused it, in the words it sent.
    pub fn refusal(&self) -> Option<AppError> {
        let text = self.error.as_deref()?;
        Some(serde_json::from_str(text).unwrap_or(AppError::Internal))
    }

    pub fn is_waiting(&self) -> bool {
        self.state == KeptState::Waiting
    }
}

impl KeptWrite {
    /// The write as the person who made it would say it.
    pub fn describe(&self) -> String {
        match self {
            Self::Move { task, to } => format!("Move {task} to {}", to.label()),
            Self::Timer { task, start: true } => format!("Start the timer on {task}"),
            Self::Timer { task, start: false } => format!("Stop the timer on {task}"),
            Self::Record {
                result, reading, ..
            } => match (reading, result) {
                (Some((value, unit)), _) => format!(
                    "QC value {value}{}",
                    unit.map(|unit| format!(" {}", unit.label()))
                        .unwrap_or_default()
                ),
                (None, Some(result)) => format!("QC result {}", result.label()),
                (None, None) => "QC result".to_owned(),
            },
            Self::Photo { .. } => "QC photo".to_owned(),
            Self::Other => "A change".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(path: &str, fields: &[(&str, &str)]) -> Kept {
        Kept {
            seq: 1,
            path: path.to_owned(),
            fields: fields
                .iter()
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect(),
            queued_at: "2026-12-02T10:42:00Z".to_owned(),
            state: KeptState::Waiting,
            error: None,
        }
    }

    #[test]
    fn a_kept_move_reads_back_as_the_card_and_its_column() {
        let write = kept(
            "/api/tasks/move",
            &[
                ("task_number", "TB-2026-0106-01-1-040"),
                ("to", "COMPLETED"),
                ("version", "3"),
            ],
        )
        .write();
        let KeptWrite::Move { task, to } = &write else {
            panic!("{write:?}")
        };
        assert_eq!(
            (task.as_str(), *to),
            ("TB-2026-0106-01-1-040", TaskStatus::Completed)
        );
        assert_eq!(write.describe(), "Move TB-2026-0106-01-1-040 to Done");
    }

    #[test]
    fn a_kept_measurement_reads_back_with_its_value_and_unit() {
        let item = Uuid::nil().to_string();
        let write = kept(
            "/api/qc/record",
            &[
                ("capture", &item),
                ("item", &item),
                ("value", "12.5"),
                ("unit", "mm"),
            ],
        )
        .write();
        assert_eq!(write.describe(), "QC value 12.5 mm");
    }

    #[test]
    fn a_kept_timer_stop_reads_back_as_its_task() {
        let write = kept(
            "/api/tasks/time/stop",
            &[
                ("task_number", "TB-2026-0106-01-1-040"),
                ("tapped", "2026-12-02T10:42:00Z"),
            ],
        )
        .write();
        assert_eq!(write.describe(), "Stop the timer on TB-2026-0106-01-1-040");
    }

    #[test]
    fn a_write_this_page_does_not_know_is_still_listed() {
        assert_eq!(kept("/api/other", &[]).write(), KeptWrite::Other);
    }

    #[test]
    fn a_refusal_reads_back_as_the_servers_error() {
        let refused = Kept {
            state: KeptState::Refused,
            error: Some(r#"{"Invalid":{"field":"to","message":"it is now Blocked"}}"#.to_owned()),
            ..kept("/api/tasks/move", &[])
        };
        assert_eq!(
            refused.refusal(),
            Some(AppError::invalid("to", "it is now Blocked"))
        );
    }
}
