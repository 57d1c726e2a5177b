//! Who may work on, take, assign and see a task, for every role.

use uuid::Uuid;

use crate::Role;
use crate::workflow::{
    Actor, TaskAccess, TaskType, WorkCenterCode, may_assign, may_take, may_work_on, sees,
};

fn station(code: &str) -> WorkCenterCode {
    WorkCenterCode::parse(code).unwrap()
}

/// User 7 in `role`, stationed at welding.
fn welder(role: Role) -> Actor {
    Actor {
        role,
        user: Uuid::from_u128(7),
        work_center: Some(station("WELDING")),
    }
}

/// An unassigned assembly task at `code`.
fn task_at(code: &str) -> TaskAccess {
    TaskAccess {
        assigned_to: None,
        work_center: station(code),
        task_type: TaskType::Assembly,
        inspection_required: false,
    }
}

#[test]
fn coordinators_and_admins_work_on_and_assign_any_task_but_take_none() {
    for role in [Role::Admin, Role::ProductionCoordinator] {
        let actor = Actor {
            work_center: None,
            ..welder(role)
        };
        assert!(may_work_on(&actor, &task_at("PLUMBING")), "{role:?}");
        assert!(may_assign(&actor), "{role:?}");
        assert!(!may_take(&actor, &task_at("PLUMBING")), "{role:?}");
        assert!(sees(&actor, &task_at("PLUMBING")), "{role:?}");
    }
}

#[test]
fn an_assembler_works_on_their_station_and_their_own_tasks_only() {
    let assembler = welder(Role::Assembler);
    assert!(may_work_on(&assembler, &task_at("WELDING")));
    assert!(!may_work_on(&assembler, &task_at("PLUMBING")));
    let given = TaskAccess {
        assigned_to: Some(assembler.user),
        ..task_at("PLUMBING")
    };
    assert!(may_work_on(&assembler, &given));
    assert!(!may_assign(&assembler));
    assert!(sees(&assembler, &given));
}

#[test]
fn an_assembler_takes_only_unassigned_tasks_at_their_station() {
    let assembler = welder(Role::Assembler);
    assert!(may_take(&assembler, &task_at("WELDING")));
    assert!(!may_take(&assembler, &task_at("PLUMBING")));
    let someone_elses = TaskAccess {
        assigned_to: Some(Uuid::from_u128(8)),
        ..task_at("WELDING")
    };
    assert!(!may_take(&assembler, &someone_elses));
    let unstationed = Actor {
        work_center: None,
        ..assembler
    };
    assert!(!may_take(&unstationed, &task_at("WELDING")));
    assert!(!may_work_on(&unstationed, &task_at("WELDING")));
}

#[test]
fn qc_sees_inspection_tasks_only_and_works_on_none() {
    let qc = welder(Role::QcPerson);
    let inspection = TaskAccess {
        task_type: TaskType::Inspection,
        ..task_at("QC")
    };
    let qc_task = TaskAccess {
        task_type: TaskType::Qc,
        ..task_at("QC")
    };
    let asked = TaskAccess {
        inspection_required: true,
        ..task_at("WELDING")
    };
    for task in [&inspection, &qc_task, &asked] {
        assert!(sees(&qc, task), "{task:?}");
    }
    assert!(!sees(&qc, &task_at("WELDING")));
    assert!(!may_work_on(&qc, &inspection));
    assert!(!may_take(&qc, &inspection) && !may_assign(&qc));
}

#[test]
fn procurement_and_service_read_tasks_but_never_work_on_them() {
    for role in [Role::Procurement, Role::ServiceDepartment] {
        let actor = welder(role);
        assert!(sees(&actor, &task_at("WELDING")), "{role:?}");
        assert!(!may_work_on(&actor, &task_at("WELDING")), "{role:?}");
        assert!(!may_take(&actor, &task_at("WELDING")), "{role:?}");
        assert!(!may_assign(&actor), "{role:?}");
    }
}
