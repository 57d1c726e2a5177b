//! Who may do what: the one permission table of TORVAN. The server checks it
//! before every server function runs; the navigation reads it to show each
//! role only what it may use; it is written to `auth.role_permissions` so the
//! database says the same.

use serde::{Deserialize, Serialize};

use crate::Role;

/// A kind of thing people work on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Resource {
    Dashboard,
    Orders,
    Customers,
    Configurations,
    Boms,
    BomTemplates,
    Inventory,
    Tasks,
    Qc,
    Documents,
    Users,
    Audit,
}

/// What someone does to a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Action {
    Read,
    Create,
    Update,
    Delete,
    Approve,
}

impl Resource {
    pub const ALL: [Resource; 12] = [
        Self::Dashboard,
        Self::Orders,
        Self::Customers,
        Self::Configurations,
        Self::Boms,
        Self::BomTemplates,
        Self::Inventory,
        Self::Tasks,
        Self::Qc,
        Self::Documents,
        Self::Users,
        Self::Audit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Dashboard => "dashboard",
            Self::Orders => "orders",
            Self::Customers => "customers",
            Self::Configurations => "configurations",
            Self::Boms => "boms",
            Self::BomTemplates => "bom_templates",
            Self::Inventory => "inventory",
            Self::Tasks => "tasks",
            Self::Qc => "qc",
            Self::Documents => "documents",
            Self::Users => "users",
            Self::Audit => "audit",
        }
    }
}

impl Action {
    pub const ALL: [Action; 5] = [
        Self::Read,
        Self::Create,
        Self::Update,
        Self::Delete,
        Self::Approve,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Create => "create",
            Self::Update => "update",
            Self::Delete => "delete",
            Self::Approve => "approve",
        }
    }
}

use Action::{Approve as A, Create as C, Delete as D, Read as R, Update as U};
use Resource::*;

type Grants = &'static [(Resource, &'static [Action])];

/// Everything each role may do; anything not listed is refused.
const TABLE: &[(Role, Grants)] = &[
    (Role::Admin, &[]), // every resource, every action: see `permits`
    (
        Role::ProductionCoordinator,
        &[
            (Dashboard, &[R]),
            (Orders, &[R, C, U]),
            (Customers, &[R, C, U]),
            (Configurations, &[R, C, U, A]),
            (Boms, &[R, C, U, A]),
            (BomTemplates, &[R]),
            (Inventory, &[R]),
            (Tasks, &[R, C, U, A]),
            (Qc, &[R]),
            (Documents, &[R, C]),
        ],
    ),
    (
        Role::Procurement,
        &[
            (Dashboard, &[R]),
            (Orders, &[R]),
            (Customers, &[R]),
            (Configurations, &[R]),
            (Boms, &[R]),
            (BomTemplates, &[R]),
            (Inventory, &[R, C, U, D]),
            (Tasks, &[R]),
            (Documents, &[R, C]),
        ],
    ),
    (
        Role::QcPerson,
        &[
            (Dashboard, &[R]),
            (Orders, &[R]),
            (Configurations, &[R]),
            (Boms, &[R]),
            (Inventory, &[R]),
            (Tasks, &[R]),
            (Qc, &[R, C, U, A]),
            (Documents, &[R, C, A]),
            (Audit, &[R]),
        ],
    ),
    (
        Role::Assembler,
        &[
            (Dashboard, &[R]),
            (Orders, &[R]),
            (Configurations, &[R]),
            (Boms, &[R]),
            (Inventory, &[R]),
            (Tasks, &[R, U]),
            (Qc, &[R]),
            (Documents, &[R]),
        ],
    ),
    (
        Role::ServiceDepartment,
        &[
            (Dashboard, &[R]),
            (Orders, &[R, C, U]),
            (Customers, &[R, C, U]),
            (Configurations, &[R]),
            (Boms, &[R]),
            (Inventory, &[R]),
            (Tasks, &[R]),
            (Documents, &[R, C]),
        ],
    ),
];

/// Whether `role` may do `action` on `resource`.
pub fn permits(role: Role, resource: Resource, action: Action) -> bool {
    role == Role::Admin
        || TABLE.iter().any(|(listed, grants)| {
            *listed == role
                && grants
                    .iter()
                    .any(|(granted, actions)| *granted == resource && actions.contains(&action))
        })
}

/// Every (role, resource, action) the table allows, for writing it to the database.
pub fn grants() -> impl Iterator<Item = (Role, Resource, Action)> {
    <Role as crate::DbEnum>::ALL.iter().flat_map(|&role| {
        Resource::ALL.into_iter().flat_map(move |resource| {
            Action::ALL
                .into_iter()
                .filter(move |&action| permits(role, resource, action))
                .map(move |action| (role, resource, action))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DbEnum;

    #[test]
    fn every_role_has_an_entry() {
        for &role in Role::ALL {
            assert!(TABLE.iter().any(|(listed, _)| *listed == role), "{role:?}");
        }
    }

    #[test]
    fn only_admins_manage_users() {
        for &role in Role::ALL {
            let admin = role == Role::Admin;
            assert_eq!(permits(role, Users, U), admin, "{role:?}");
            assert_eq!(permits(role, Users, R), admin, "{role:?}");
        }
    }

    #[test]
    fn admins_and_qc_read_the_audit_trail_and_qc_only_reads_it() {
        let readers: Vec<_> = Role::ALL
            .iter()
            .copied()
            .filter(|&role| permits(role, Audit, R))
            .collect();
        assert_eq!(readers, [Role::Admin, Role::QcPerson]);
        for action in [C, U, D, A] {
            assert!(!permits(Role::QcPerson, Audit, action), "{action:?}");
        }
    }

    #[test]
    fn everyone_reads_the_dashboard_and_inventory() {
        for &role in Role::ALL {
            assert!(permits(role, Dashboard, R));
            assert!(permits(role, Inventory, R));
        }
    }

    #[test]
    fn inventory_is_edited_by_procurement_and_admin_only() {
        let editors: Vec<_> = Role::ALL
            .iter()
            .copied()
            .filter(|&role| permits(role, Inventory, U))
            .collect();
        assert_eq!(editors, [Role::Admin, Role::Procurement]);
    }

    #[test]
    fn assemblers_update_tasks_but_sign_off_nothing() {
        assert!(permits(Role::Assembler, Tasks, U));
        assert!(!permits(Role::Assembler, Qc, A));
        assert!(!permits(Role::Assembler, Boms, A));
        assert!(!permits(Role::Assembler, Orders, C));
    }

    #[test]
    fn tasks_are_approved_by_coordinators_and_admin() {
        let approvers: Vec<_> = Role::ALL
            .iter()
            .copied()
            .filter(|&role| permits(role, Tasks, A))
            .collect();
        assert_eq!(approvers, [Role::ProductionCoordinator, Role::Admin]);
    }

    #[test]
    fn qc_sign_off_belongs_to_qc_and_admin() {
        let approvers: Vec<_> = Role::ALL
            .iter()
            .copied()
            .filter(|&role| permits(role, Qc, A))
            .collect();
        assert_eq!(approvers, [Role::Admin, Role::QcPerson]);
    }

    #[test]
    fn grants_lists_exactly_what_permits_allows() {
        let listed: Vec<_> = grants().collect();
        for &role in Role::ALL {
            for resource in Resource::ALL {
                for action in Action::ALL {
                    assert_eq!(
                        listed.contains(&(role, resource, action)),
                        permits(role, resource, action)
                    );
                }
            }
        }
        assert_eq!(
            listed
                .iter()
                .filter(|(role, ..)| *role == Role::Admin)
                .count(),
            Resource::ALL.len() * Action::ALL.len()
        );
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<_> = Resource::ALL.iter().map(|r| r.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Resource::ALL.len());
    }
}
