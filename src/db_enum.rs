/// An enum stored in the database (declared with `db_enum!`), parsed at the
/// edge so the rest of the code never handles the raw text.
pub trait DbEnum: Copy + 'static {
    /// What the enum names, for error messages ("order status").
    const KIND: &'static str;
    /// Every variant, in the domain's natural order.
    const ALL: &'static [Self];

    fn as_db_str(self) -> &'static str;

    fn parse(value: &str) -> Result<Self, UnknownVariant> {
        Self::ALL
            .iter()
            .copied()
            .find(|variant| variant.as_db_str() == value)
            .ok_or_else(|| UnknownVariant {
                kind: Self::KIND,
                value: value.to_owned(),
            })
    }
}

/// A database or form value that names no known variant of an enum.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{value}`")]
pub struct UnknownVariant {
    pub kind: &'static str,
    pub value: String,
}

/// Declares an enum the database stores, with everything `DbEnum` needs
/// from one table of variants: the variant, its database spelling and (when
/// people read it) its label. The variants' order is `ALL`'s order.
///
/// ```ignore
/// db_enum! {
///     /// Whether the shop makes a part or buys it in.
///     pub enum MakeOrBuy: "make-or-buy code" {
///         Make = "M" as "Made in-house",
///         Buy = "B" as "Bought in",
///     }
/// }
/// ```
macro_rules! db_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident: $kind:literal {
            $( $(#[$variant_meta:meta])* $variant:ident = $db:literal as $label:literal ),+ $(,)?
        }
    ) => {
        $crate::db_enum::db_enum! {
            $(#[$meta])*
            pub enum $name: $kind { $( $(#[$variant_meta])* $variant = $db ),+ }
        }

        impl $name {
            /// The variant as people say it.
            pub fn label(self) -> &'static str {
                match self {
                    $( Self::$variant => $label ),+
                }
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident: $kind:literal {
            $( $(#[$variant_meta:meta])* $variant:ident = $db:literal ),+ $(,)?
        }
    ) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        $(#[$meta])*
        pub enum $name {
            $( $(#[$variant_meta])* $variant ),+
        }

        impl $crate::DbEnum for $name {
            const KIND: &'static str = $kind;
            const ALL: &'static [Self] = &[ $( Self::$variant ),+ ];

            fn as_db_str(self) -> &'static str {
                match self {
                    $( Self::$variant => $db ),+
                }
            }
        }
    };
}

pub(crate) use db_enum;

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::fmt::Debug;

    use super::*;
    use crate::bom::BomStatus;
    use crate::customer::{AddressType, CustomerType};
    use crate::db_health::{HealthCheck, HealthResult};
    use crate::order_draft::OrderType;
    use crate::quality::{
        DefectStatus, ItemResult, QcItemType, QcPhase, QcStatus, Severity, ToleranceKind,
    };
    use crate::signature::{Meaning, RecordKind};
    use crate::sink::{ConfigurationStatus, LegKind, Mounting, OptionGroup, PegboardKind};
    use crate::stock::MovementKind;
    use crate::workflow::{ActivityType, DependencyType, TaskPriority, TaskStatus, TaskType};
    use crate::{
        CustomCategory, MakeOrBuy, OrderPriority, OrderStatus, PartStatus, Role, StockStatus,
        SubstituteType, SystemActor, UnitOfMeasure, UserStatus,
    };

    fn reads_back_and_refuses_the_rest<E: DbEnum + PartialEq + Debug>() {
        for &variant in E::ALL {
            assert_eq!(E::parse(variant.as_db_str()), Ok(variant));
            let lower = variant.as_db_str().to_lowercase();
            assert!(E::parse(&lower).is_err(), "{} `{lower}`", E::KIND);
        }
        let stored: BTreeSet<_> = E::ALL.iter().map(|variant| variant.as_db_str()).collect();
        assert_eq!(stored.len(), E::ALL.len(), "{}", E::KIND);
        assert_eq!(
            E::parse("NOT_A_VALUE"),
            Err(UnknownVariant {
                kind: E::KIND,
                value: "NOT_A_VALUE".to_owned()
            })
        );
    }

    /// Labels are words people read: one per variant, none a database code.
    fn labelled<E: DbEnum>(label: fn(E) -> &'static str) {
        let labels: BTreeSet<_> = E::ALL.iter().map(|&variant| label(variant)).collect();
        assert_eq!(labels.len(), E::ALL.len(), "{}", E::KIND);
        assert!(
            labels.iter().all(|label| !label.contains('_')),
            "{}",
            E::KIND
        );
    }

    #[test]
    fn every_stored_enum_reads_back_each_variant_and_refuses_anything_else() {
        reads_back_and_refuses_the_rest::<AddressType>();
        reads_back_and_refuses_the_rest::<BomStatus>();
        reads_back_and_refuses_the_rest::<ConfigurationStatus>();
        reads_back_and_refuses_the_rest::<CustomCategory>();
        reads_back_and_refuses_the_rest::<CustomerType>();
        reads_back_and_refuses_the_rest::<HealthCheck>();
        reads_back_and_refuses_the_rest::<HealthResult>();
        reads_back_and_refuses_the_rest::<LegKind>();
        reads_back_and_refuses_the_rest::<MakeOrBuy>();
        reads_back_and_refuses_the_rest::<Mounting>();
        reads_back_and_refuses_the_rest::<MovementKind>();
        reads_back_and_refuses_the_rest::<OptionGroup>();
        reads_back_and_refuses_the_rest::<OrderPriority>();
        reads_back_and_refuses_the_rest::<OrderStatus>();
        reads_back_and_refuses_the_rest::<OrderType>();
        reads_back_and_refuses_the_rest::<PartStatus>();
        reads_back_and_refuses_the_rest::<PegboardKind>();
        reads_back_and_refuses_the_rest::<Role>();
        reads_back_and_refuses_the_rest::<Meaning>();
        reads_back_and_refuses_the_rest::<RecordKind>();
        reads_back_and_refuses_the_rest::<StockStatus>();
        reads_back_and_refuses_the_rest::<SubstituteType>();
        reads_back_and_refuses_the_rest::<UnitOfMeasure>();
        reads_back_and_refuses_the_rest::<UserStatus>();
        reads_back_and_refuses_the_rest::<ActivityType>();
        reads_back_and_refuses_the_rest::<DependencyType>();
        reads_back_and_refuses_the_rest::<TaskPriority>();
        reads_back_and_refuses_the_rest::<TaskStatus>();
        reads_back_and_refuses_the_rest::<TaskType>();
        reads_back_and_refuses_the_rest::<DefectStatus>();
        reads_back_and_refuses_the_rest::<ItemResult>();
        reads_back_and_refuses_the_rest::<QcItemType>();
        reads_back_and_refuses_the_rest::<QcPhase>();
        reads_back_and_refuses_the_rest::<QcStatus>();
        reads_back_and_refuses_the_rest::<Severity>();
        reads_back_and_refuses_the_rest::<ToleranceKind>();
    }

    #[test]
    fn every_label_is_distinct_and_in_words() {
        labelled(AddressType::label);
        labelled(BomStatus::label);
        labelled(ConfigurationStatus::label);
        labelled(CustomCategory::label);
        labelled(CustomerType::label);
        labelled(HealthCheck::label);
        labelled(HealthResult::label);
        labelled(MakeOrBuy::label);
        labelled(MovementKind::label);
        labelled(OrderPriority::label);
        labelled(OrderStatus::label);
        labelled(OrderType::label);
        labelled(PartStatus::label);
        labelled(Role::label);
        labelled(Meaning::label);
        labelled(RecordKind::label);
        labelled(StockStatus::label);
        labelled(SubstituteType::label);
        labelled(SystemActor::label);
        labelled(UnitOfMeasure::label);
        labelled(UserStatus::label);
        labelled(DefectStatus::label);
        labelled(ItemResult::label);
        labelled(QcItemType::label);
        labelled(QcPhase::label);
        labelled(QcStatus::label);
        labelled(Severity::label);
        labelled(ToleranceKind::label);
    }
}
