//! The codes on a task card. A step code is three digits (`040`), a task's
//! number is its build's number and its step code
//! (`TB-2026-0106-01-1-040`), and a work center is an upper-case code
//! (`WELDING`); each is parsed once, where it enters.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::BuildNumber;

/// A code that does not have its expected shape.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} “{text}” is not valid: {expected}")]
pub struct MalformedCode {
    pub what: &'static str,
    pub text: String,
    pub expected: &'static str,
}

/// A route step's code: three digits, its place in the route.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct StepCode(String);

impl StepCode {
    pub fn parse(text: &str) -> Result<Self, MalformedCode> {
        let text = text.trim();
        if text.len() == 3 && text.bytes().all(|byte| byte.is_ascii_digit()) {
            Ok(Self(text.to_owned()))
        } else {
            Err(MalformedCode {
                what: "Step code",
                text: text.to_owned(),
                expected: "three digits, e.g. 040",
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A work center's code, e.g. `WELDING`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WorkCenterCode(String);

impl WorkCenterCode {
    pub fn parse(text: &str) -> Result<Self, MalformedCode> {
        let code = text.trim().to_ascii_uppercase();
        let shaped = (2..=20).contains(&code.len())
            && code.starts_with(|c: char| c.is_ascii_uppercase())
            && code.chars().all(|c| c.is_ascii_uppercase() || c == '_');
        if shaped {
            Ok(Self(code))
        } else {
            Err(MalformedCode {
                what: "Work center",
                text: text.trim().to_owned(),
                expected: "2 to 20 letters or underscores, e.g. WELDING",
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A task's number: its build's number, a dash, its step code.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TaskNumber(String);

impl TaskNumber {
    pub fn of(build: &BuildNumber, step: &StepCode) -> Self {
        Self(format!("{build}-{step}"))
    }

    /// A task number from a URL or a form: a build number ending in a dash
    /// and a step code.
    pub fn parse(text: &str) -> Result<Self, MalformedCode> {
        let malformed = || MalformedCode {
            what: "Task number",
            text: text.trim().to_owned(),
            expected: "a build number and a step code, e.g. TB-2026-0106-01-1-040",
        };
        let (build, step) = text.trim().rsplit_once('-').ok_or_else(malformed)?;
        let build = BuildNumber::parse(build).map_err(|_| malformed())?;
        let step = StepCode::parse(step).map_err(|_| malformed())?;
        Ok(Self::of(&build, &step))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! text_code {
    ($($name:ident),+) => {$(
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = MalformedCode;

            fn try_from(text: String) -> Result<Self, Self::Error> {
                Self::parse(&text)
            }
        }

        impl From<$name> for String {
            fn from(code: $name) -> String {
                code.0
            }
        }
    )+};
}

text_code!(StepCode, WorkCenterCode, TaskNumber);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_number_is_its_build_number_and_step_code() {
        let build = BuildNumber::parse("TB-2026-0106-01-1").unwrap();
        let step = StepCode::parse("040").unwrap();
        let number = TaskNumber::of(&build, &step);
        assert_eq!(number.as_str(), "TB-2026-0106-01-1-040");
        assert_eq!(TaskNumber::parse(" tb-2026-0106-01-1-040 "), Ok(number));
    }

    #[test]
    fn codes_of_the_wrong_shape_are_refused_with_an_example() {
        for bad in ["", "40", "0400", "04a"] {
            let error = StepCode::parse(bad).unwrap_err();
            assert!(error.to_string().contains("e.g. 040"), "{bad:?}");
        }
        for bad in ["", "W", "WELD-1", "1WELD", &"A".repeat(21)] {
            assert!(WorkCenterCode::parse(bad).is_err(), "{bad:?}");
        }
        for bad in ["TB-2026", "TB-2026-0106-01-1-40", "-040", "TB 1-040"] {
            assert!(TaskNumber::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_work_center_code_is_read_in_upper_case() {
        assert_eq!(
            WorkCenterCode::parse(" welding ").unwrap().as_str(),
            "WELDING"
        );
    }

    #[test]
    fn codes_cross_the_wire_as_plain_strings() {
        let step = StepCode::parse("040").unwrap();
        assert_eq!(serde_json::to_string(&step).unwrap(), "\"040\"");
        assert!(serde_json::from_str::<StepCode>("\"4\"").is_err());
    }
}
