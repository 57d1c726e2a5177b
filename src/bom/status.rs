crate::db_enum::db_enum! {
    /// Where a BOM stands. Only a draft is edited; an approved BOM is what the
    /// shop builds from until a newer one makes it obsolete.
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum BomStatus: "BOM status" {
        Draft = "DRAFT" as "Draft",
        PendingApproval = "PENDING_APPROVAL" as "Pending approval",
        Approved = "APPROVED" as "Approved",
        Obsolete = "OBSOLETE" as "Obsolete",
    }
}

impl BomStatus {
    /// A BOM under review is frozen too, so what is approved is what was
    /// reviewed; the reviewer sends it back to draft for changes.
    pub fn editable(self) -> bool {
        self == Self::Draft
    }

    pub fn can_move(self, to: BomStatus) -> bool {
        use BomStatus::*;
        matches!(
            (self, to),
            (Draft, PendingApproval)
                | (PendingApproval, Approved)
                | (PendingApproval, Draft)
                | (Approved, Obsolete)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DbEnum;
    use proptest::prelude::*;

    #[test]
    fn only_a_draft_is_edited() {
        let editable: Vec<_> = BomStatus::ALL
            .iter()
            .filter(|status| status.editable())
            .collect();
        assert_eq!(editable, [&BomStatus::Draft]);
    }

    #[test]
    fn a_bom_under_review_can_be_sent_back() {
        assert!(BomStatus::PendingApproval.can_move(BomStatus::Draft));
        assert!(!BomStatus::Approved.can_move(BomStatus::Draft));
        assert!(!BomStatus::Draft.can_move(BomStatus::Approved));
    }

    proptest! {
        #[test]
        fn approval_and_obsolescence_are_never_undone(
            attempts in proptest::collection::vec(proptest::sample::select(BomStatus::ALL), 0..40)
        ) {
            let mut status = BomStatus::Draft;
            let mut approved = false;
            for to in attempts {
                let was_obsolete = status == BomStatus::Obsolete;
                if status.can_move(to) {
                    status = to;
                }
                approved |= status == BomStatus::Approved;
                prop_assert!(!(approved && status.editable()));
                prop_assert!(!was_obsolete || status == BomStatus::Obsolete);
            }
        }
    }
}
