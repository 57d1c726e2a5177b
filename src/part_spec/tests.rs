use super::*;

fn valid() -> PartDraft {
    PartDraft {
        part_number: "121-0001".into(),
        name: "Basin 20 x 16".into(),
        hierarchy_path: "BASIN > 100-0001 > 120-0001".into(),
        standard_cost: "125.5".into(),
        reorder_point: "4".into(),
        ..PartDraft::default()
    }
}

#[test]
fn a_valid_draft_gets_defaults_for_empty_fields() {
    let spec = valid().validate().unwrap();
    assert_eq!(spec.unit_of_measure, UnitOfMeasure::Each);
    assert_eq!(spec.status, PartStatus::Active);
    assert_eq!(spec.minimum_order_quantity, 1);
    assert_eq!(
        spec.standard_cost,
        Some(rust_decimal::Decimal::new(12550, 2))
    );
}

#[test]
fn every_problem_is_reported_with_its_field() {
    let draft = PartDraft {
        part_number: "".into(),
        standard_cost: "-3".into(),
        reorder_point: "-1".into(),
        lot_control: "maybe".into(),
        ..valid()
    };
    let fields: Vec<String> = draft
        .validate()
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        [
            "part_number",
            "reorder_point",
            "standard_cost",
            "lot_control"
        ]
    );
}

#[test]
fn only_obsolete_parts_name_a_replacement() {
    let draft = PartDraft {
        replacement_part_number: "121-0002".into(),
        ..valid()
    };
    assert_eq!(
        draft.validate().unwrap_err()[0].field,
        "replacement_part_number"
    );
    let obsolete = PartDraft {
        status: "OBSOLETE".into(),
        ..draft
    };
    assert!(obsolete.validate().is_ok());
}

#[test]
fn a_spec_written_as_a_row_reads_back_the_same() {
    let spec = valid().validate().unwrap();
    let header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    let row = PartDraft::from(&spec).to_row();
    let again = PartDraft::from_record(&header, &row)
        .unwrap()
        .validate()
        .unwrap();
    assert_eq!(again, spec);
}

#[test]
fn unknown_columns_are_named() {
    let header = vec!["part_number".to_owned(), "colour".to_owned()];
    let error = PartDraft::from_record(&header, &["1".into(), "red".into()]).unwrap_err();
    assert_eq!(error.field, "colour");
}
