use serde::{Deserialize, Serialize};

use crate::DbEnum;

/// The six jobs people do in TORVAN; each sees and changes only its part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Role {
    ProductionCoordinator,
    Admin,
    Procurement,
    QcPerson,
    Assembler,
    ServiceDepartment,
}

impl DbEnum for Role {
    const KIND: &'static str = "role";
    const ALL: &'static [Self] = &[
        Self::ProductionCoordinator,
        Self::Admin,
        Self::Procurement,
        Self::QcPerson,
        Self::Assembler,
        Self::ServiceDepartment,
    ];

    fn as_db_str(self) -> &'static str {
        match self {
            Self::ProductionCoordinator => "PRODUCTION_COORDINATOR",
            Self::Admin => "ADMIN",
            Self::Procurement => "PROCUREMENT",
            Self::QcPerson => "QC_PERSON",
            Self::Assembler => "ASSEMBLER",
            Self::ServiceDepartment => "SERVICE_DEPARTMENT",
        }
    }
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Self::ProductionCoordinator => "Production coordinator",
            Self::Admin => "Administrator",
            Self::Procurement => "Procurement",
            Self::QcPerson => "QC inspector",
            Self::Assembler => "Assembler",
            Self::ServiceDepartment => "Service department",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_values_round_trip() {
        for &role in Role::ALL {
            assert_eq!(Role::parse(role.as_db_str()), Ok(role));
        }
    }

    #[test]
    fn there_are_six_roles_with_distinct_labels() {
        let mut labels: Vec<_> = Role::ALL.iter().map(|role| role.label()).collect();
        labels.sort();
        labels.dedup();
        assert_eq!(labels.len(), 6);
    }
}
