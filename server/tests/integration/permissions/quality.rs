//! Quality control's endpoints in the permission matrix: checklists,
//! captures, defects, sign-off and review, and the checklist templates
//! (engineering data, allowed as routes are). Each names a record that
//! does not exist, so an allowed caller is told it is not found.

use super::*;

pub(super) fn endpoints() -> Vec<Endpoint> {
    use Action::*;
    use Resource::*;
    let nowhere = || (text(NO_BUILD), text("pre-qc"));
    vec![
        endpoint(ListQcTemplates {}, Rule::Needs(BomTemplates, Read)),
        endpoint(
            GetQcTemplate {
                family: text("NONE"),
                phase: nowhere().1,
                copy_from: None,
            },
            Rule::Needs(BomTemplates, Read),
        ),
        endpoint(
            SaveQcTemplate {
                family: text("NONE"),
                phase: nowhere().1,
                version: 0,
                draft: ChecklistTemplateDraft::default(),
            },
            Rule::Needs(BomTemplates, Update),
        ),
        endpoint(
            PreviewQcTemplate {
                family: text("NONE"),
                draft: ChecklistTemplateDraft::default(),
                build_number: nowhere().0,
            },
            Rule::Needs(BomTemplates, Read),
        ),
        endpoint(ListChecklists {}, Rule::Needs(Qc, Read)),
        endpoint(
            GetChecklist {
                build: nowhere().0,
                phase: nowhere().1,
            },
            Rule::Needs(Qc, Read),
        ),
        endpoint(
            ListDefects {
                build: nowhere().0,
                phase: nowhere().1,
            },
            Rule::Needs(Qc, Read),
        ),
        endpoint(
            GetOrderQc {
                order_number: text(NO_ORDER),
            },
            Rule::Needs(Qc, Read),
        ),
        endpoint(
            RecordResult {
                capture: NOBODY,
                item: NOBODY,
                result: Some(text("PASS")),
                value: None,
                unit: None,
                comment: None,
            },
            Rule::Needs(Qc, Update),
        ),
        endpoint(
            SaveDefect {
                defect: NOBODY,
                version: 0,
                fields: DefectFields {
                    severity: text("MAJOR"),
                    description: text("A scratch"),
                    ..DefectFields::default()
                },
            },
            Rule::Needs(Qc, Update),
        ),
        endpoint(
            MoveDefect {
                defect: NOBODY,
                version: 0,
                to: text("IN_PROGRESS"),
            },
            Rule::Needs(Qc, Update),
        ),
        endpoint(
            WaiveDefect {
                defect: NOBODY,
                version: 0,
                reason: text("Cosmetic"),
                signing: signing(Meaning::Approved),
            },
            Rule::Needs(Qc, Approve),
        ),
        endpoint(
            SignChecklist {
                checklist: NOBODY,
                version: 0,
                signing: signing(Meaning::Performed),
            },
            Rule::Needs(Qc, Approve),
        ),
        endpoint(
            ReviewChecklist {
                checklist: NOBODY,
                version: 0,
                signing: signing(Meaning::Reviewed),
            },
            Rule::Needs(Qc, Approve),
        ),
    ]
}
