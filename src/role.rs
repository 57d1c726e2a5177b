crate::db_enum::db_enum! {
    /// The six jobs people do in TORVAN; each sees and changes only its part.
    #[derive(PartialOrd, Ord)]
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum Role: "role" {
        ProductionCoordinator = "PRODUCTION_COORDINATOR" as "Production coordinator",
        Admin = "ADMIN" as "Administrator",
        Procurement = "PROCUREMENT" as "Procurement",
        QcPerson = "QC_PERSON" as "QC inspector",
        Assembler = "ASSEMBLER" as "Assembler",
        ServiceDepartment = "SERVICE_DEPARTMENT" as "Service department",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DbEnum;

    #[test]
    fn there_are_six_roles_with_distinct_labels() {
        let mut labels: Vec<_> = Role::ALL.iter().map(|role| role.label()).collect();
        labels.sort();
        labels.dedup();
        assert_eq!(labels.len(), 6);
    }
}
