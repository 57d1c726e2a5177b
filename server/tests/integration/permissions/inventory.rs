//! The inventory's endpoints in the permission matrix: search, parts,
//! stock, substitutes, the catalogue, reorder and import, and the labels
//! of parts and lots.

use super::*;

pub(super) fn endpoints() -> Vec<Endpoint> {
    use Action::*;
    use Resource::*;
    vec![
        endpoint(
            SearchParts {
                query: PartSearch {
                    text: text("drain"),
                    stock_status: None,
                    category_id: None,
                    make_or_buy: None,
                    page: 0,
                    page_size: 20,
                },
            },
            Rule::Needs(Inventory, Read),
        ),
        endpoint(
            GetPart {
                part_number: text(parts::LEG_TUBE),
            },
            Rule::Needs(Inventory, Read),
        ),
        endpoint(PartFormOptions {}, Rule::Needs(Inventory, Read)),
        endpoint(
            GetLot {
                id: uuid::Uuid::nil(),
            },
            Rule::Needs(Inventory, Read),
        ),
        endpoint(
            GetPartLabel {
                part_number: text(parts::LEG_TUBE),
            },
            Rule::Needs(Inventory, Read),
        ),
        endpoint(
            GetLotLabel {
                id: uuid::Uuid::nil(),
            },
            Rule::Needs(Inventory, Read),
        ),
        endpoint(
            GetBuildRecord {
                build_number: text("TB-2026-0101-01-1"),
            },
            Rule::Needs(Documents, Read),
        ),
        endpoint(
            ListDocuments {
                attached: torvan::document::Attachment::Part,
                to: text("221-0001"),
            },
            Rule::Needs(Documents, Read),
        ),
        endpoint(
            GetUnitLabel {
                build_number: text("TB-2026-0101-01-1"),
            },
            Rule::Needs(Documents, Read),
        ),
        endpoint(
            RecordSerialPlate {
                build_number: text("TB-2026-0101-01-1"),
                serial_plate: text("SN-2026-0001"),
            },
            Rule::Needs(Qc, Update),
        ),
        endpoint(
            CorrectBuildRecord {
                build_number: text("TB-2026-0101-01-1"),
                reason: text(""),
                signing: Signing {
                    meaning: Meaning::Approved,
                    password: text("not-the-password"),
                },
            },
            Rule::Needs(Documents, Approve),
        ),
        endpoint(
            SavePart {
                original: None,
                draft: PartDraft {
                    part_number: text("MATRIX-0001"),
                    name: text("Matrix part"),
                    ..PartDraft::default()
                },
            },
            Rule::Needs(Inventory, Create),
        ),
        endpoint(
            CreateCustomPart {
                category: text("MISC_CUSTOM"),
                draft: PartDraft {
                    name: text("Matrix custom"),
                    ..PartDraft::default()
                },
            },
            Rule::Needs(Inventory, Create),
        ),
        endpoint(
            ReceiveStock {
                part_number: text(parts::LEG_TUBE),
                receipt: ReceiptEntry {
                    quantity: text("1"),
                    note: text("matrix"),
                    ..Default::default()
                },
            },
            Rule::Needs(Inventory, Update),
        ),
        endpoint(
            AdjustStock {
                part_number: text(parts::LEG_TUBE),
                adjustment: AdjustmentEntry {
                    change: text("1"),
                    reason: text("matrix"),
                    ..Default::default()
                },
            },
            Rule::Needs(Inventory, Update),
        ),
        endpoint(
            AddSubstitute {
                part_number: text(parts::LEG_TUBE),
                substitution: SubstitutionEntry {
                    substitute: text(parts::BULLET_FOOT),
                    kind: text("ACCEPTABLE"),
                    conversion_factor: text("1"),
                    notes: String::new(),
                },
            },
            Rule::Needs(Inventory, Update),
        ),
        endpoint(
            RemoveSubstitute {
                part_number: text(parts::LEG_TUBE),
                substitute: text(parts::BULLET_FOOT),
            },
            Rule::Needs(Inventory, Update),
        ),
        endpoint(
            CatalogueChildren {
                level: None,
                id: None,
            },
            Rule::Needs(Inventory, Read),
        ),
        endpoint(
            CatalogueGroup {
                level: CatalogueLevel::Category,
                id: Uuid::nil(),
            },
            Rule::Needs(Inventory, Read),
        ),
        endpoint(
            SaveGroup {
                level: text("1"),
                id: None,
                parent: None,
                group: GroupEntry {
                    key: text("MATRIX"),
                    name: text("Matrix"),
                    description: String::new(),
                    status: text("ACTIVE"),
                },
            },
            Rule::Needs(Inventory, Create),
        ),
        endpoint(ReorderReport { vendor: None }, Rule::Needs(Inventory, Read)),
        endpoint(
            CheckImport {
                header: vec![text("part_number"), text("name")],
                rows: vec![ImportRow {
                    line: 2,
                    fields: vec![text("MATRIX-0002"), text("Matrix import")],
                }],
            },
            Rule::Needs(Inventory, Update),
        ),
    ]
}
