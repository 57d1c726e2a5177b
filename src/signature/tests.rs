use chrono::TimeZone;
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;
use crate::OrderStatus;
use crate::sink::{AccessoryChoice, SinkChoices};

fn person(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn line(line_number: i32, part: &str, quantity: &str) -> BomLineContent {
    BomLineContent {
        line_number,
        level: 1,
        part_number: Some(part.to_owned()),
        description: format!("Part {part}"),
        quantity_required: quantity.parse().unwrap(),
        scrap_factor: Decimal::ZERO,
    }
}

fn bom_lines() -> Vec<BomLineContent> {
    vec![line(1, "T2-BODY-48", "1"), line(2, "T2-LEG-34", "4")]
}

fn signed(role: Role, meaning: Meaning, content: &Content) -> Signature {
    Signature {
        signer: person(2),
        printed_name: "Dana Reyes".to_owned(),
        role,
        meaning,
        signed_at: Utc.with_ymd_and_hms(2026, 11, 30, 14, 2, 41).unwrap(),
        record: SignedRecord {
            kind: RecordKind::Bom,
            id: person(99),
            version: 3,
        },
        content_hash: content.hash(),
        duties_waived: false,
    }
}

fn a_sink() -> SinkChoices {
    SinkChoices {
        family: "ESR".to_owned(),
        quantity: "2".to_owned(),
        material: "SS304".to_owned(),
        width: "48".to_owned(),
        accessories: vec![AccessoryChoice {
            code: "SHELF".to_owned(),
            quantity: "1".to_owned(),
        }],
        ..SinkChoices::default()
    }
}

#[test]
fn a_signature_reads_as_its_meaning_signer_role_and_utc_minute() {
    let content = Content::bom("TB-2026-0112-01", 3, &bom_lines());
    let signature = signed(Role::ProductionCoordinator, Meaning::Approved, &content);
    assert_eq!(
        signature.display(),
        "Approved by Dana Reyes (production coordinator), 2026-11-30 14:02 UTC"
    );
}

#[test]
fn a_role_named_by_an_acronym_keeps_its_capitals() {
    let content = Content::bom("TB-2026-0112-01", 3, &bom_lines());
    let signature = signed(Role::QcPerson, Meaning::Verified, &content);
    assert_eq!(
        signature.display(),
        "Verified by Dana Reyes (QC inspector), 2026-11-30 14:02 UTC"
    );
}

#[test]
fn a_signature_on_ones_own_record_says_the_setting_allowed_it() {
    let content = Content::bom("TB-2026-0112-01", 3, &bom_lines());
    let signature = Signature {
        duties_waived: true,
        ..signed(Role::Admin, Meaning::Approved, &content)
    };
    assert!(
        signature
            .display()
            .ends_with("UTC (own record, allowed by the small-shop setting)")
    );
}

#[test]
fn a_record_that_still_reads_the_same_matches_its_signature() {
    let content = Content::bom("TB-2026-0112-01", 3, &bom_lines());
    let signature = signed(Role::Admin, Meaning::Approved, &content);
    let again = Content::bom("TB-2026-0112-01", 3, &bom_lines());
    assert_eq!(signature.standing(&again.hash()), Standing::Matches);
}

#[test]
fn a_record_changed_after_signing_no_longer_matches_and_says_so() {
    let content = Content::bom("TB-2026-0112-01", 3, &bom_lines());
    let signature = signed(Role::Admin, Meaning::Approved, &content);
    let changed = Content::bom(
        "TB-2026-0112-01",
        3,
        &[line(1, "T2-BODY-48", "1"), line(2, "T2-LEG-34", "5")],
    );
    assert_eq!(
        signature.standing(&changed.hash()),
        Standing::NoLongerMatches
    );
    assert_eq!(
        signature.mismatch_note(),
        "Signature no longer matches: the BOM changed after it was signed."
    );
}

#[test]
fn the_author_cannot_approve_their_own_record() {
    assert_eq!(
        separation(RecordKind::Bom, Some(person(1)), person(1), false),
        Err(DutiesRefused(RecordKind::Bom))
    );
    assert_eq!(
        DutiesRefused(RecordKind::SinkConfiguration).to_string(),
        "You validated this configuration: another person must approve it (separation of duties)."
    );
    assert_eq!(
        DutiesRefused(RecordKind::Bom).to_string(),
        "You generated this BOM version: another person must approve it (separation of duties)."
    );
}

#[test]
fn the_small_shop_setting_lets_the_author_approve_and_marks_it_waived() {
    assert_eq!(
        separation(RecordKind::Bom, Some(person(1)), person(1), true),
        Ok(Duties::Waived)
    );
}

#[test]
fn someone_else_or_a_record_without_an_author_keeps_duties_separate() {
    for allowed in [false, true] {
        assert_eq!(
            separation(RecordKind::Bom, Some(person(1)), person(2), allowed),
            Ok(Duties::Separate)
        );
        assert_eq!(
            separation(RecordKind::SinkConfiguration, None, person(2), allowed),
            Ok(Duties::Separate)
        );
    }
}

#[test]
fn passing_final_qc_is_verified_and_shipping_is_approved_and_nothing_else_is_signed() {
    for status in <OrderStatus as crate::DbEnum>::ALL {
        let expected = match status {
            OrderStatus::QcComplete => Some(Meaning::Verified),
            OrderStatus::Shipped => Some(Meaning::Approved),
            _ => None,
        };
        assert_eq!(order_move_meaning(*status), expected, "{status:?}");
    }
}

#[test]
fn a_signing_with_another_meaning_than_its_action_carries_is_refused_at_meaning() {
    assert_eq!(expect_meaning(Meaning::Approved, Meaning::Approved), Ok(()));
    let refused = expect_meaning(Meaning::Reviewed, Meaning::Approved).unwrap_err();
    assert_eq!(refused.field, "meaning");
    assert_eq!(
        refused.message,
        "This action is signed as approved, not reviewed."
    );
}

#[test]
fn a_bom_hash_ignores_line_order_and_trailing_zeros() {
    let mut reversed = bom_lines();
    reversed.reverse();
    reversed[0].quantity_required = "4.0000".parse().unwrap();
    assert_eq!(
        Content::bom("TB-1", 1, &bom_lines()).hash(),
        Content::bom("TB-1", 1, &reversed).hash()
    );
}

#[test]
fn a_hash_is_32_bytes_that_read_back_from_storage() {
    let hash = Content::bom("TB-1", 1, &bom_lines()).hash();
    assert_eq!(hash.to_hex().len(), 64);
    assert_eq!(ContentHash::from_slice(hash.as_bytes()), Some(hash));
    assert_eq!(ContentHash::from_slice(&[0; 31]), None);
}

#[test]
fn a_value_with_a_line_break_cannot_pose_as_another_line() {
    let mut forged = bom_lines();
    forged[0].description = "Part T2-BODY-48|1|0\nline=2|1|T2-LEG-34".to_owned();
    let rendered = Content::bom("TB-1", 1, &forged);
    assert_eq!(rendered.text().lines().count(), 5);
    assert_ne!(
        rendered.hash(),
        Content::bom("TB-1", 1, &bom_lines()).hash()
    );
}

#[test]
fn an_order_release_hash_ignores_the_order_builds_are_listed_in() {
    let release = |builds: Vec<(String, i32)>| {
        Content::order_release(&OrderReleaseContent {
            order_number: "ORD-2026-0104".to_owned(),
            builds,
            lines: vec![],
        })
        .hash()
    };
    let one = ("TB-2026-0104-01".to_owned(), 1);
    let two = ("TB-2026-0104-02".to_owned(), 2);
    assert_eq!(
        release(vec![one.clone(), two.clone()]),
        release(vec![two.clone(), one.clone()])
    );
    assert_ne!(
        release(vec![one.clone(), two]),
        release(vec![one, ("TB-2026-0104-02".to_owned(), 3)])
    );
}

proptest! {
    #[test]
    fn any_change_to_a_bom_lines_quantity_changes_the_hash(line_index in 0usize..2, extra in 1u32..1000) {
        let mut changed = bom_lines();
        changed[line_index].quantity_required += Decimal::from(extra);
        prop_assert_ne!(
            Content::bom("TB-1", 1, &bom_lines()).hash(),
            Content::bom("TB-1", 1, &changed).hash()
        );
    }

    #[test]
    fn any_change_to_a_sink_choice_changes_the_hash(choice in 0usize..4, text in "[a-z0-9]{1,8}") {
        let mut changed = a_sink();
        let field = match choice {
            0 => &mut changed.material,
            1 => &mut changed.width,
            2 => &mut changed.quantity,
            _ => &mut changed.accessories[0].quantity,
        };
        field.push_str(&text);
        prop_assert_ne!(
            Content::sink_configuration("TB-1", &a_sink()).hash(),
            Content::sink_configuration("TB-1", &changed).hash()
        );
    }
}
