//! A defect a failed check opens, and the way it is worked off: taken in
//! hand, resolved, closed after re-inspection, or waived by someone who
//! may sign off QC, with a reason. A critical defect holds its build until
//! it is closed or waived.

crate::db_enum::db_enum! {
    /// How bad a defect is, least first.
    #[derive(PartialOrd, Ord)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum Severity: "defect severity" {
        Minor = "MINOR" as "Minor",
        Major = "MAJOR" as "Major",
        Critical = "CRITICAL" as "Critical",
    }
}

crate::db_enum::db_enum! {
    /// Where a defect stands.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum DefectStatus: "defect status" {
        Open = "OPEN" as "Open",
        InProgress = "IN_PROGRESS" as "In progress",
        Resolved = "RESOLVED" as "Resolved",
        Closed = "CLOSED" as "Closed",
        Waived = "WAIVED" as "Waived",
    }
}
