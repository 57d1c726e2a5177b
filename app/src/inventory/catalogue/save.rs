//! Creating and editing the groups above parts, with the design's
//! constraints (unique codes and numbers, four levels) said at the field.

use sqlx::{Postgres, Transaction};
use torvan::FieldError;
use torvan::text::limited;
use torvan::{CatalogueLevel, DbEnum, PartNumber, PartStatus};
use uuid::Uuid;

use crate::error::AppError;

pub struct GroupDraft {
    level: CatalogueLevel,
    /// A category's code or a (sub-)assembly's part number.
    key: String,
    name: String,
    description: Option<String>,
    status: PartStatus,
}

impl GroupDraft {
    pub fn parse(
        level: CatalogueLevel,
        key: &str,
        name: &str,
        description: &str,
        status: &str,
    ) -> Result<Self, AppError> {
        let mut errors = Vec::new();
        let key = match level {
            CatalogueLevel::Part => {
                return Err(AppError::invalid(
                    "level",
                    "Parts are edited on the part form.",
                ));
            }
            CatalogueLevel::Category => {
                let code = key.trim().to_ascii_uppercase();
                let valid = !code.is_empty()
                    && code.len() <= 50
                    && code
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                if !valid {
                    errors.push(FieldError::new(
                        "key",
                        "A code has 1 to 50 letters, digits, - or _.",
                    ));
                }
                code
            }
            _ => PartNumber::parse(key)
                .map(|number| number.to_string())
                .unwrap_or_else(|error| {
                    errors.push(FieldError::new("key", error.to_string()));
                    String::new()
                }),
        };
        let mut text = |field: &str, raw: &str| {
            limited(raw, level.text_limit(field).unwrap_or(usize::MAX))
                .map_err(|message| errors.push(FieldError::new(field, message)))
                .ok()
                .flatten()
        };
        let name = text("name", name);
        let description = text("description", description);
        if name.is_none() && !errors.iter().any(|error| error.field == "name") {
            errors.push(FieldError::new("name", "Enter a name."));
        }
        let status = PartStatus::parse(status).unwrap_or_else(|_| {
            errors.push(FieldError::new("status", "Choose a status."));
            PartStatus::Active
        });
        let (Some(name), true) = (name, errors.is_empty()) else {
            return Err(errors.into());
        };
        Ok(Self {
            level,
            key,
            name,
            description,
            status,
        })
    }
}

pub async fn save(
    tx: &mut Transaction<'_, Postgres>,
    draft: &GroupDraft,
    id: Option<Uuid>,
    parent: Option<Uuid>,
    user_id: Uuid,
) -> Result<Uuid, AppError> {
    let active = draft.status == PartStatus::Active;
    let query = match (draft.level, id) {
        (CatalogueLevel::Category, None) => sqlx::query_scalar(
            "INSERT INTO inventory.categories (code, name, description, is_active, level, sort_order)
             VALUES ($1, $2, $3, $4, 1,
                     (SELECT coalesce(max(sort_order), 0) + 10 FROM inventory.categories))
             RETURNING id",
        )
        .bind(&draft.key)
        .bind(&draft.name)
        .bind(&draft.description)
        .bind(active),
        (CatalogueLevel::Category, Some(id)) => sqlx::query_scalar(
            "UPDATE inventory.categories SET code = $1, name = $2, description = $3, is_active = $4
             WHERE id = $5 RETURNING id",
        )
        .bind(&draft.key)
        .bind(&draft.name)
        .bind(&draft.description)
        .bind(active)
        .bind(id),
        (level, None) => {
            let parent = parent.ok_or_else(|| AppError::invalid("parent", "Choose where the new item goes."))?;
            let sql = if level == CatalogueLevel::Assembly {
                "INSERT INTO inventory.assemblies (part_number, name, description, status, category_id, created_by)
                 VALUES ($1, $2, $3, $4::part_status, $5, $6) RETURNING id"
            } else {
                "INSERT INTO inventory.sub_assemblies (part_number, name, description, status, assembly_id, created_by)
                 VALUES ($1, $2, $3, $4::part_status, $5, $6) RETURNING id"
            };
            sqlx::query_scalar(sql)
                .bind(&draft.key)
                .bind(&draft.name)
                .bind(&draft.description)
                .bind(draft.status.as_db_str())
                .bind(parent)
                .bind(user_id)
        }
        (level, Some(id)) => {
            let sql = if level == CatalogueLevel::Assembly {
                "UPDATE inventory.assemblies SET part_number = $1, name = $2, description = $3,
                     status = $4::part_status, replacement_part_id = CASE WHEN $4 = 'OBSOLETE'
                     THEN replacement_part_id END
                 WHERE id = $5 RETURNING id"
            } else {
                "UPDATE inventory.sub_assemblies SET part_number = $1, name = $2, description = $3,
                     status = $4::part_status, replacement_part_id = CASE WHEN $4 = 'OBSOLETE'
                     THEN replacement_part_id END
                 WHERE id = $5 RETURNING id"
            };
            sqlx::query_scalar(sql)
                .bind(&draft.key)
                .bind(&draft.name)
                .bind(&draft.description)
                .bind(draft.status.as_db_str())
                .bind(id)
        }
    };
    query
        .fetch_optional(&mut **tx)
        .await
        .map_err(|error| constraint_message(error, draft))?
        .ok_or(AppError::NotFound)
}

fn constraint_message(error: sqlx::Error, draft: &GroupDraft) -> AppError {
    let Some(db) = error.as_database_error() else {
        return error.into();
    };
    if db.is_unique_violation() {
        let what = if draft.level == CatalogueLevel::Category {
            "code"
        } else {
            "part number"
        };
        return AppError::invalid(
            "key",
            format!("The {what} {} is already in use.", draft.key),
        );
    }
    if db.is_foreign_key_violation() {
        return AppError::invalid("parent", "The item above no longer exists.");
    }
    error.into()
}
