//! Creating and editing the groups above parts, in the caller's
//! transaction. The draft arrives parsed (`torvan::catalogue_group`); what
//! only the database knows (a key in use, a group above that is gone) is
//! said at its field from the constraint's name.

use sqlx::PgConnection;
use torvan::catalogue_group::GroupDraft;
use torvan::{CatalogueLevel, DbEnum, PartStatus};
use uuid::Uuid;

use crate::error::AppError;

/// Creates a group under `parent` (`id` None) or updates group `id`;
/// returns its id.
pub async fn save(
    conn: &mut PgConnection,
    draft: &GroupDraft,
    id: Option<Uuid>,
    parent: Option<Uuid>,
    user_id: Uuid,
) -> Result<Uuid, AppError> {
    let saved = match id {
        None if draft.level() == CatalogueLevel::Category => insert_category(conn, draft).await,
        None => {
            let parent = parent
                .ok_or_else(|| AppError::invalid("parent", "Choose where the new item goes."))?;
            insert_under(conn, draft, parent, user_id).await
        }
        Some(id) => update(conn, draft, id).await,
    };
    saved
        .map_err(|error| constraint_message(error, draft))?
        .ok_or(AppError::NotFound)
}

/// A new category, at the end of the list.
async fn insert_category(
    conn: &mut PgConnection,
    draft: &GroupDraft,
) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar!(
        "INSERT INTO inventory.categories (code, name, description, is_active, level, sort_order)
         VALUES ($1, $2, $3, $4, 1,
                 (SELECT coalesce(max(sort_order), 0) + 10 FROM inventory.categories))
         RETURNING id",
        draft.key(),
        draft.name(),
        draft.description(),
        draft.status() == PartStatus::Active,
    )
    .fetch_optional(conn)
    .await
}

/// A new assembly under a category, or sub-assembly under an assembly.
async fn insert_under(
    conn: &mut PgConnection,
    draft: &GroupDraft,
    parent: Uuid,
    user_id: Uuid,
) -> Result<Option<Uuid>, sqlx::Error> {
    let (key, name, description) = (draft.key(), draft.name(), draft.description());
    let status = draft.status().as_db_str();
    if draft.level() == CatalogueLevel::Assembly {
        sqlx::query_scalar!(
            "INSERT INTO inventory.assemblies
                 (part_number, name, description, status, category_id, created_by)
             VALUES ($1, $2, $3, $4::text::part_status, $5, $6) RETURNING id",
            key,
            name,
            description,
            status,
            parent,
            user_id,
        )
        .fetch_optional(conn)
        .await
    } else {
        sqlx::query_scalar!(
            "INSERT INTO inventory.sub_assemblies
                 (part_number, name, description, status, assembly_id, created_by)
             VALUES ($1, $2, $3, $4::text::part_status, $5, $6) RETURNING id",
            key,
            name,
            description,
            status,
            parent,
            user_id,
        )
        .fetch_optional(conn)
        .await
    }
}

/// Group `id` with the draft's values; an assembly or sub-assembly keeps its
/// replacement only while it is obsolete.
async fn update(
    conn: &mut PgConnection,
    draft: &GroupDraft,
    id: Uuid,
) -> Result<Option<Uuid>, sqlx::Error> {
    let (key, name, description) = (draft.key(), draft.name(), draft.description());
    let status = draft.status().as_db_str();
    match draft.level() {
        CatalogueLevel::Category => {
            let active = draft.status() == PartStatus::Active;
            sqlx::query_scalar!(
                "UPDATE inventory.categories SET code = $1, name = $2, description = $3, is_active = $4
                 WHERE id = $5 RETURNING id",
                key,
                name,
                description,
                active,
                id,
            )
            .fetch_optional(conn)
            .await
        }
        CatalogueLevel::Assembly => {
            sqlx::query_scalar!(
                "UPDATE inventory.assemblies SET part_number = $1, name = $2, description = $3,
                     status = $4::text::part_status,
                     replacement_part_id = CASE WHEN $4 = 'OBSOLETE' THEN replacement_part_id END
                 WHERE id = $5 RETURNING id",
                key,
                name,
                description,
                status,
                id,
            )
            .fetch_optional(conn)
            .await
        }
        CatalogueLevel::SubAssembly | CatalogueLevel::Part => {
            sqlx::query_scalar!(
                "UPDATE inventory.sub_assemblies SET part_number = $1, name = $2, description = $3,
                     status = $4::text::part_status,
                     replacement_part_id = CASE WHEN $4 = 'OBSOLETE' THEN replacement_part_id END
                 WHERE id = $5 RETURNING id",
                key,
                name,
                description,
                status,
                id,
            )
            .fetch_optional(conn)
            .await
        }
    }
}

/// A key already in use, or a group above that no longer exists, said at
/// its field.
fn constraint_message(error: sqlx::Error, draft: &GroupDraft) -> AppError {
    AppError::from_constraint(error, |constraint| match constraint {
        "categories_code_key" => Some(AppError::invalid(
            "key",
            format!("The code {} is already in use.", draft.key()),
        )),
        "assemblies_part_number_key" | "sub_assemblies_part_number_key" => Some(AppError::invalid(
            "key",
            format!("The part number {} is already in use.", draft.key()),
        )),
        "assemblies_category_id_fkey" | "sub_assemblies_assembly_id_fkey" => Some(
            AppError::invalid("parent", "The item above no longer exists."),
        ),
        _ => None,
    })
}
