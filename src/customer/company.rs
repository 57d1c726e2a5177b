use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Website;
use crate::number::money;
use crate::text::{optional, optional_parsed, required};
use crate::{DbEnum, FieldError};

crate::db_enum::db_enum! {
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    pub enum CustomerType: "customer type" {
        Healthcare = "HEALTHCARE" as "Healthcare",
        Laboratory = "LABORATORY" as "Laboratory",
        Veterinary = "VETERINARY" as "Veterinary",
        Research = "RESEARCH" as "Research",
        Other = "OTHER" as "Other",
    }
}

/// Notes on a customer (a `TEXT` column): a page of text.
pub const NOTES_LIMIT: usize = 2_000;

/// The company form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CompanyDraft {
    pub company_name: String,
    pub customer_type: String,
    pub tax_id: String,
    pub website: String,
    pub payment_terms: String,
    pub credit_limit: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanySpec {
    pub company_name: String,
    pub customer_type: CustomerType,
    pub tax_id: Option<String>,
    pub website: Option<Website>,
    /// Days to pay.
    pub payment_terms: i32,
    pub credit_limit: Option<Decimal>,
    pub notes: Option<String>,
}

impl CompanyDraft {
    /// The most characters each text field holds: the columns of
    /// `public.customers`, and for the notes (a `TEXT` column) a page.
    pub fn text_limit(field: &str) -> Option<usize> {
        match field {
            "company_name" | "website" => Some(255),
            "tax_id" => Some(50),
            "notes" => Some(NOTES_LIMIT),
            _ => None,
        }
    }

    pub fn validate(&self) -> Result<CompanySpec, Vec<FieldError>> {
        let mut errors = Vec::new();
        let limits = Self::text_limit;
        let company_name = required(&mut errors, limits, "company_name", &self.company_name);
        let customer_type = match self.customer_type.trim() {
            "" => CustomerType::Healthcare,
            value => CustomerType::parse(value).unwrap_or_else(|_| {
                errors.push(FieldError::new("customer_type", "Choose a customer type."));
                CustomerType::Other
            }),
        };
        let tax_id = optional(&mut errors, limits, "tax_id", &self.tax_id);
        let website = optional_parsed(
            &mut errors,
            limits,
            "website",
            &self.website,
            Website::parse,
        );
        let payment_terms = match self.payment_terms.trim() {
            "" => 30,
            value => match value.parse::<i32>() {
                Ok(days) if (0..=365).contains(&days) => days,
                _ => {
                    errors.push(FieldError::new(
                        "payment_terms",
                        "Payment terms are 0 to 365 days.",
                    ));
                    30
                }
            },
        };
        let credit_limit = money(&self.credit_limit)
            .map_err(|message| errors.push(FieldError::new("credit_limit", message)))
            .ok()
            .flatten();
        let notes = optional(&mut errors, limits, "notes", &self.notes);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(CompanySpec {
            company_name,
            customer_type,
            tax_id,
            website,
            payment_terms,
            credit_limit,
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_all_a_new_customer_needs() {
        let spec = CompanyDraft {
            company_name: " Mercy Clinic ".into(),
            ..CompanyDraft::default()
        }
        .validate()
        .unwrap();
        assert_eq!(
            (spec.company_name.as_str(), spec.payment_terms),
            ("Mercy Clinic", 30)
        );
    }

    #[test]
    fn a_credit_limit_too_large_is_called_too_large() {
        let errors = CompanyDraft {
            company_name: "Mercy Clinic".into(),
            credit_limit: "1e20".into(),
            ..CompanyDraft::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(errors[0].message, "At most $99,999,999.99.");
    }

    #[test]
    fn each_text_field_refuses_one_character_more_than_its_column_holds() {
        for (field, limit) in [("company_name", 255), ("tax_id", 50), ("notes", 2_000)] {
            let long = "x".repeat(limit + 1);
            let draft = CompanyDraft {
                company_name: if field == "company_name" {
                    long.clone()
                } else {
                    "Mercy Clinic".into()
                },
                tax_id: if field == "tax_id" {
                    long.clone()
                } else {
                    String::new()
                },
                notes: if field == "notes" {
                    long
                } else {
                    String::new()
                },
                ..CompanyDraft::default()
            };
            let errors = draft.validate().unwrap_err();
            assert_eq!(errors[0].field, field);
            assert_eq!(CompanyDraft::text_limit(field), Some(limit));
        }
        assert_eq!(CompanyDraft::text_limit("credit_limit"), None);
    }

    #[test]
    fn every_bad_field_is_named() {
        let draft = CompanyDraft {
            payment_terms: "400".into(),
            credit_limit: "-1".into(),
            customer_type: "ZOO".into(),
            website: "not a url <b>x</b>".into(),
            ..CompanyDraft::default()
        };
        let fields: Vec<_> = draft
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "company_name",
                "customer_type",
                "website",
                "payment_terms",
                "credit_limit"
            ]
        );
    }
}
