//! The shop floor's endpoints in the permission matrix: routes, tasks,
//! boards, moves, assignment, time and materials.

use super::*;

pub(super) fn endpoints() -> Vec<Endpoint> {
    use Action::*;
    use Resource::*;
    vec![
        endpoint(ListRoutes {}, Rule::Needs(BomTemplates, Read)),
        endpoint(
            GetRoute {
                family: text("NONE"),
                copy_from: None,
            },
            Rule::Needs(BomTemplates, Read),
        ),
        endpoint(
            SaveRoute {
                family: text("NONE"),
                version: 0,
                draft: RouteDraft::default(),
            },
            Rule::Needs(BomTemplates, Update),
        ),
        endpoint(
            no_sink!(PreviewRoute {
                family: text("NONE"),
                draft: RouteDraft::default(),
            }),
            Rule::Needs(BomTemplates, Read),
        ),
        endpoint(
            GetTask {
                task_number: text("TB-2026-0110-01-1-070"),
            },
            Rule::Needs(Tasks, Read),
        ),
        endpoint(GetBoardHome {}, Rule::Needs(Tasks, Read)),
        endpoint(
            GetBoard {
                scope: BoardScope::WorkCenter(text("ASSEMBLY")),
                filter: BoardFilter::default(),
            },
            Rule::Needs(Tasks, Read),
        ),
        // A move from a version no task has: allowed callers are told it is stale.
        endpoint(
            MoveTask {
                task_number: text("TB-2026-0110-01-1-070"),
                to: text("IN_PROGRESS"),
                version: -1,
                hold_reason: None,
            },
            Rule::Needs(Tasks, Update),
        ),
        // The demo's frame is the demo assembler's: allowed callers are told.
        endpoint(
            TakeTask {
                task_number: text("TB-2026-0110-01-1-060"),
            },
            Rule::Needs(Tasks, Update),
        ),
        // A person who is nobody: allowed callers are told to choose one.
        endpoint(
            AssignTask {
                task_number: text("TB-2026-0110-01-1-060"),
                assignee: Some(NOBODY.to_string()),
            },
            Rule::Needs(Tasks, Create),
        ),
        endpoint(
            AssignableUsers {
                task_number: text("TB-2026-0110-01-1-060"),
            },
            Rule::Needs(Tasks, Create),
        ),
        // A step that asks no approval: allowed callers are told.
        endpoint(
            ApproveTask {
                task_number: text("TB-2026-0110-01-1-060"),
            },
            Rule::Needs(Tasks, Approve),
        ),
        endpoint(GetWorkload {}, Rule::Needs(Tasks, Create)),
        endpoint(
            GetTaskTime {
                task_number: text("TB-2026-0110-01-1-070"),
            },
            Rule::Needs(Tasks, Read),
        ),
        // The demo assembler's station: their role may time its tasks.
        endpoint(
            StartTimer {
                task_number: text("TB-2026-0110-01-1-070"),
                activity: text("WORK"),
                tapped: None,
            },
            Rule::Needs(Tasks, Update),
        ),
        endpoint(
            StopTimer {
                task_number: text("TB-2026-0110-01-1-070"),
                tapped: None,
            },
            Rule::Needs(Tasks, Update),
        ),
        endpoint(
            AddTimeEntry {
                task_number: text("TB-2026-0110-01-1-070"),
                draft: TimeEntryForm::default(),
            },
            Rule::Needs(Tasks, Update),
        ),
        endpoint(
            GetOrderTime {
                order_number: text(demo::orders::IN_PRODUCTION),
            },
            Rule::Needs(Tasks, Read),
        ),
        endpoint(
            GetTaskMaterials {
                task_number: text("TB-2026-0110-01-1-070"),
            },
            Rule::Needs(Tasks, Read),
        ),
        endpoint(
            IssueMaterial {
                task_number: text("TB-NONE-040"),
                part_number: text(parts::LEG_TUBE),
                quantity: text("1"),
                choice: Default::default(),
            },
            Rule::Materials(MaterialAction::Issue),
        ),
        endpoint(
            ConsumeMaterial {
                task_number: text("TB-NONE-040"),
                part_number: text(parts::LEG_TUBE),
                quantity: text("1"),
            },
            Rule::Materials(MaterialAction::Consume),
        ),
        endpoint(
            ReturnMaterial {
                task_number: text("TB-NONE-040"),
                part_number: text(parts::LEG_TUBE),
                quantity: text("1"),
            },
            Rule::Materials(MaterialAction::Return),
        ),
    ]
}
