use super::*;
use crate::DbEnum;
use proptest::prelude::*;

/// An order whose every gate is open.
fn ready() -> OrderFacts {
    OrderFacts {
        has_work: true,
        ..OrderFacts::default()
    }
}

fn held_up(list: &[&str]) -> Vec<String> {
    list.iter().map(|&build| build.to_owned()).collect()
}

#[test]
fn the_happy_path_runs_through_every_status_in_order() {
    let mut status = Pending;
    let mut visited = vec![status];
    while let Some(next) = MOVES
        .iter()
        .find(|candidate| candidate.from == status && candidate.direction == Direction::Forward)
    {
        status = check(Admin, status, next.to, None, &ready()).unwrap().to;
        visited.push(status);
    }
    assert_eq!(visited, OrderStatus::ALL);
}

#[test]
fn an_order_with_nothing_to_make_cannot_start_production() {
    let refused = check(
        ProductionCoordinator,
        Pending,
        InProduction,
        None,
        &OrderFacts::default(),
    );
    assert_eq!(refused, Err(MoveRefused::NothingToBuild));
}

#[test]
fn production_waits_for_approved_sinks_and_names_them() {
    let facts = OrderFacts {
        unapproved_sinks: held_up(&["TB-2026-0113-01", "TB-2026-0113-02"]),
        ..ready()
    };
    let refused = check(ProductionCoordinator, Pending, InProduction, None, &facts).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "Every sink on the order must be approved before production starts (not yet approved: TB-2026-0113-01, TB-2026-0113-02)."
    );
}

#[test]
fn production_waits_for_every_bom_to_be_approved() {
    let facts = OrderFacts {
        unapproved_boms: held_up(&["TB-2026-0112-01"]),
        ..ready()
    };
    assert_eq!(
        check(Admin, Pending, InProduction, None, &facts),
        Err(MoveRefused::BomsNotApproved {
            builds: "TB-2026-0112-01".to_owned()
        })
    );
}

#[test]
fn shipping_waits_until_every_build_has_its_stock_issued() {
    let facts = OrderFacts {
        unissued_builds: held_up(&["TB-2026-0104-01"]),
        ..ready()
    };
    assert!(matches!(
        check(ProductionCoordinator, QcComplete, Shipped, None, &facts),
        Err(MoveRefused::StockNotIssued { .. })
    ));
    assert!(check(ProductionCoordinator, QcComplete, Shipped, None, &ready()).is_ok());
}

#[test]
fn shipping_waits_until_every_unit_s_serial_plate_is_recorded() {
    let facts = OrderFacts {
        unserialised_units: held_up(&["TB-2026-0104-01-2"]),
        ..ready()
    };
    let refused = check(ProductionCoordinator, QcComplete, Shipped, None, &facts).unwrap_err();
    assert_eq!(
        refused,
        MoveRefused::UnitsNotSerialised {
            builds: "TB-2026-0104-01-2".into()
        }
    );
    assert!(refused.to_string().contains("serial plate"));
    assert!(check(QcPerson, FinalQc, QcComplete, None, &facts).is_ok());
}

#[test]
fn pre_qc_waits_until_every_production_task_of_every_build_is_done() {
    let facts = OrderFacts {
        unfinished_builds: held_up(&["TB-2026-0110-01-1", "TB-2026-0110-01-2"]),
        ..ready()
    };
    assert_eq!(
        check(Assembler, InProduction, PreQc, None, &facts),
        Err(MoveRefused::ProductionNotDone {
            builds: "TB-2026-0110-01-1, TB-2026-0110-01-2".to_owned()
        })
    );
    assert!(check(Assembler, InProduction, PreQc, None, &ready()).is_ok());
}

#[test]
fn production_is_complete_only_when_every_builds_pre_qc_checklist_has_passed() {
    let facts = OrderFacts {
        pre_qc_not_passed: held_up(&[
            "TB-2026-0106-01-1 (not signed)",
            "TB-2026-0106-01-2 (failed)",
        ]),
        ..ready()
    };
    let refused = check(QcPerson, PreQc, ProductionComplete, None, &facts).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "Production is complete when every build's pre-QC checklist is signed as passed, its failures resolved or waived (not yet: TB-2026-0106-01-1 (not signed), TB-2026-0106-01-2 (failed))."
    );
    assert!(check(QcPerson, PreQc, ProductionComplete, None, &ready()).is_ok());
}

#[test]
fn qc_is_complete_only_when_every_builds_final_qc_checklist_has_passed() {
    let facts = OrderFacts {
        final_qc_not_passed: held_up(&["TB-2026-0106-01-1 (2 items open)"]),
        ..ready()
    };
    assert_eq!(
        check(Admin, FinalQc, QcComplete, None, &facts),
        Err(MoveRefused::FinalQcNotPassed {
            builds: "TB-2026-0106-01-1 (2 items open)".to_owned()
        })
    );
    assert!(check(Admin, FinalQc, QcComplete, None, &ready()).is_ok());
}

#[test]
fn a_build_on_hold_keeps_its_order_in_either_qc_phase_but_not_from_rework() {
    let facts = OrderFacts {
        held_builds: held_up(&["TB-2026-0106-01-2"]),
        ..ready()
    };
    let on_hold = MoveRefused::BuildsOnHold {
        builds: "TB-2026-0106-01-2".to_owned(),
    };
    assert_eq!(
        check(QcPerson, PreQc, ProductionComplete, None, &facts),
        Err(on_hold.clone())
    );
    assert_eq!(
        check(QcPerson, FinalQc, QcComplete, None, &facts),
        Err(on_hold.clone())
    );
    assert_eq!(
        on_hold.to_string(),
        "A critical defect holds a build: close or waive it first (on hold: TB-2026-0106-01-2)."
    );
    assert!(
        check(
            QcPerson,
            FinalQc,
            InProduction,
            Some("rework the weld"),
            &facts
        )
        .is_ok()
    );
}

#[test]
fn a_qc_gate_reads_only_its_own_phase() {
    let facts = OrderFacts {
        final_qc_not_passed: held_up(&["TB-2026-0106-01-1 (not started)"]),
        ..ready()
    };
    assert!(check(QcPerson, PreQc, ProductionComplete, None, &facts).is_ok());
}

#[test]
fn only_shipped_and_delivered_orders_freeze_their_build_records() {
    let frozen: Vec<OrderStatus> = OrderStatus::ALL
        .iter()
        .copied()
        .filter(|&status| build_records_frozen(status))
        .collect();
    assert_eq!(frozen, [Shipped, Delivered]);
}

#[test]
fn shipping_and_delivering_ask_for_confirmation_and_everyday_moves_do_not() {
    let confirmed: Vec<OrderStatus> = OrderStatus::ALL
        .iter()
        .copied()
        .filter(|&to| consequence(to).is_some())
        .collect();
    assert_eq!(confirmed, [Shipped, Delivered]);
}

#[test]
fn every_open_status_says_who_acts_next() {
    for &status in OrderStatus::ALL {
        assert_eq!(
            waiting_for(status).is_none(),
            status == Delivered,
            "{status:?}"
        );
    }
}

#[test]
fn rework_needs_a_reason_and_the_right_role() {
    assert_eq!(
        check(QcPerson, FinalQc, InProduction, Some("  "), &ready()),
        Err(MoveRefused::ReasonRequired)
    );
    assert!(
        check(
            QcPerson,
            FinalQc,
            InProduction,
            Some("weld porosity"),
            &ready()
        )
        .is_ok()
    );
    assert_eq!(
        check(Assembler, FinalQc, InProduction, Some("x"), &ready()),
        Err(MoveRefused::NotYourRole {
            from: FinalQc,
            to: InProduction
        })
    );
}

#[test]
fn steps_cannot_be_skipped_and_delivered_is_final() {
    assert!(matches!(
        check(Admin, Pending, PreQc, None, &ready()),
        Err(MoveRefused::NoSuchMove { .. })
    ));
    assert_eq!(moves_for(Admin, Delivered).count(), 0);
}

fn any_status() -> impl Strategy<Value = OrderStatus> {
    prop::sample::select(OrderStatus::ALL.to_vec())
}

fn any_role() -> impl Strategy<Value = Role> {
    prop::sample::select(Role::ALL.to_vec())
}

/// Facts with each gate open or shut at random.
fn any_facts() -> impl Strategy<Value = OrderFacts> {
    let builds = || prop::collection::vec("TB-[0-9]{2}", 0..3);
    (
        any::<bool>(),
        builds(),
        builds(),
        builds(),
        builds(),
        builds(),
        builds(),
        builds(),
        builds(),
    )
        .prop_map(
            |(
                has_work,
                unapproved_sinks,
                unapproved_boms,
                unissued_builds,
                unfinished_builds,
                pre_qc_not_passed,
                final_qc_not_passed,
                held_builds,
                unserialised_units,
            )| {
                OrderFacts {
                    has_work,
                    unapproved_sinks,
                    unapproved_boms,
                    unissued_builds,
                    unfinished_builds,
                    pre_qc_not_passed,
                    final_qc_not_passed,
                    held_builds,
                    unserialised_units,
                }
            },
        )
}

proptest! {
    /// Random requests by random roles over random facts: the order only
    /// ever lands on a status one step ahead, or behind with a reason;
    /// it starts production only with work, approved sinks and approved
    /// BOMs, ships only with every build's stock issued, and leaves either
    /// QC phase only with every build's checklist passed and none on hold.
    #[test]
    fn random_requests_never_skip_a_step_or_a_gate(
        requests in prop::collection::vec((any_role(), any_status(), any::<bool>(), any_facts()), 1..60)
    ) {
        let mut status = Pending;
        for (role, to, with_reason, facts) in requests {
            let reason = with_reason.then_some("rework");
            if let Ok(done) = check(role, status, to, reason, &facts) {
                let step = OrderStatus::ALL.iter().position(|&s| s == to).unwrap() as i64
                    - OrderStatus::ALL.iter().position(|&s| s == status).unwrap() as i64;
                prop_assert!(step == 1 || (step < 0 && with_reason));
                if status == Pending && to == InProduction {
                    prop_assert!(facts.has_work);
                    prop_assert!(facts.unapproved_sinks.is_empty());
                    prop_assert!(facts.unapproved_boms.is_empty());
                }
                if to == Shipped && step == 1 {
                    prop_assert!(facts.unissued_builds.is_empty());
                    prop_assert!(facts.unserialised_units.is_empty());
                }
                if to == PreQc && step == 1 {
                    prop_assert!(facts.unfinished_builds.is_empty());
                }
                if to == ProductionComplete {
                    prop_assert!(facts.pre_qc_not_passed.is_empty());
                    prop_assert!(facts.held_builds.is_empty());
                }
                if to == QcComplete && step == 1 {
                    prop_assert!(facts.final_qc_not_passed.is_empty());
                    prop_assert!(facts.held_builds.is_empty());
                }
                prop_assert_eq!(done.to, to);
                status = to;
            }
        }
    }

    #[test]
    fn offered_moves_are_exactly_the_ones_check_accepts(role in any_role(), from in any_status(), to in any_status()) {
        let offered = moves_for(role, from).any(|candidate| candidate.to == to);
        let accepted = check(role, from, to, Some("reason"), &ready()).is_ok();
        prop_assert_eq!(offered, accepted);
    }
}

#[test]
fn a_reason_is_trimmed_and_a_blank_one_is_none() {
    assert_eq!(
        parse_reason("  rework the weld "),
        Ok(Some("rework the weld".to_owned()))
    );
    assert_eq!(parse_reason("   "), Ok(None));
}

#[test]
fn a_reason_longer_than_the_column_is_refused_at_the_reason() {
    assert!(parse_reason(&"x".repeat(REASON_LIMIT)).is_ok());
    let refused = parse_reason(&"x".repeat(REASON_LIMIT + 1)).unwrap_err();
    assert_eq!(refused.field, "reason");
    assert_eq!(refused.message, "A reason has at most 255 characters.");
}
