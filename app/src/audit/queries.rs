//! Reads of the audit trail: the filter resolved to what the rows store
//! (a record's number to its ids, an email to its user), and one page of
//! entries, newest first.
//!
//! Pages are read by key, not by offset: each page is the entries older
//! than the last one shown (`KEY`), so a deep page costs what the first
//! does, and entries written while someone pages (new ones are newer) never
//! shift a page and make a row repeat or vanish. Entries of one transaction
//! share their `created_at`; the id orders them among themselves.
//!
//! The page statement is built with `QueryBuilder` like the order list's:
//! which filters apply is chosen at run time, and a fixed statement with
//! `($n IS NULL OR …)` would share one plan that cannot pick the filter's
//! index (`migrations/…33_audit_viewer.sql`). Every value is bound.

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde_json::Value;
use sqlx::{PgConnection, Postgres, QueryBuilder};
use torvan::audit::{AuditAction, AuditedTable, RecordKey};
use torvan::{DbEnum, FieldError, Role};
use uuid::Uuid;

use super::model::{Actor, AuditEntries, AuditEntry, AuditFilter, FieldChange};
use crate::error::AppError;

/// The columns the trail is paged by, newest first. The one place the key
/// is named: paging by the audit chain's sequence is `&["seq"]`.
const KEY: &[&str] = &["created_at", "id"];

fn key_of(alias: &str) -> String {
    let columns: Vec<String> = KEY
        .iter()
        .map(|column| format!("{alias}.{column}"))
        .collect();
    columns.join(", ")
}

fn newest_first() -> String {
    let columns: Vec<String> = KEY
        .iter()
        .map(|column| format!("a.{column} DESC"))
        .collect();
    columns.join(", ")
}

/// A filter in the terms the rows use; made only by [`resolve`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct Resolved {
    table: Option<AuditedTable>,
    /// Ids the entry's `resource_id` must be one of.
    records: Option<Vec<String>>,
    user: Option<Uuid>,
    action: Option<AuditAction>,
    /// From the start of `from` to the start of the day after `to`, UTC.
    since: Option<DateTime<Utc>>,
    before: Option<DateTime<Utc>>,
    after: Option<Uuid>,
}

fn start_of(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

/// Checks the filter and looks up the record and user it names; what it
/// cannot find is refused at its field, every problem at once.
async fn resolve(conn: &mut PgConnection, filter: &AuditFilter) -> Result<Resolved, AppError> {
    let mut problems: Vec<FieldError> = Vec::new();
    if let Err(error) = torvan::date_range::check_range(filter.from, filter.to, "to") {
        problems.push(error);
    }
    let records = match RecordKey::parse(filter.table, &filter.record) {
        Ok(None) => None,
        Ok(Some(RecordKey::Id(id))) => Some(vec![id]),
        Ok(Some(RecordKey::Number { table, number })) => {
            let ids = ids_of(conn, table, &number).await?;
            if ids.is_empty() {
                let key = table.natural_key().unwrap_or("number");
                problems.push(FieldError::new(
                    "record",
                    format!("No record of {} has the {key} {number}.", table.label()),
                ));
            }
            Some(ids)
        }
        Err(error) => {
            problems.push(error);
            None
        }
    };
    let email = filter.user.trim();
    let user = if email.is_empty() {
        None
    } else {
        let found = sqlx::query_scalar!(
            "SELECT id FROM auth.users WHERE lower(email) = lower($1)",
            email
        )
        .fetch_optional(&mut *conn)
        .await?;
        if found.is_none() {
            problems.push(FieldError::new(
                "user",
                format!("No user has the email address {email}."),
            ));
        }
        found
    };
    if !problems.is_empty() {
        return Err(problems.into());
    }
    Ok(Resolved {
        table: filter.table,
        records,
        user,
        action: filter.action,
        since: filter.from.map(start_of),
        before: filter
            .to
            .and_then(|to| to.checked_add_days(Days::new(1)))
            .map(start_of),
        after: filter.after,
    })
}

/// The ids of the record `number` names in `table`: one order, build, part,
/// customer or task, or every version of a build's BOM.
async fn ids_of(
    conn: &mut PgConnection,
    table: AuditedTable,
    number: &str,
) -> Result<Vec<String>, AppError> {
    let ids: Vec<Uuid> = match table {
        AuditedTable::Orders => {
            sqlx::query_scalar!(
                "SELECT id FROM orders.orders WHERE order_number = $1",
                number
            )
            .fetch_all(conn)
            .await?
        }
        AuditedTable::OrderSinkConfigurations => {
            sqlx::query_scalar!(
                "SELECT id FROM orders.order_sink_configurations WHERE build_number = $1",
                number
            )
            .fetch_all(conn)
            .await?
        }
        AuditedTable::Boms => {
            sqlx::query_scalar!(
                "SELECT b.id FROM orders.boms b
                 JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
                 WHERE c.build_number = $1",
                number
            )
            .fetch_all(conn)
            .await?
        }
        AuditedTable::Parts => {
            sqlx::query_scalar!(
                "SELECT id FROM inventory.parts WHERE upper(part_number) = $1",
                number
            )
            .fetch_all(conn)
            .await?
        }
        AuditedTable::Customers => {
            sqlx::query_scalar!(
                "SELECT id FROM public.customers WHERE upper(customer_number) = $1",
                number
            )
            .fetch_all(conn)
            .await?
        }
        AuditedTable::Tasks => {
            sqlx::query_scalar!(
                "SELECT id FROM workflow.tasks WHERE task_number = $1",
                number
            )
            .fetch_all(conn)
            .await?
        }
        _ => Vec::new(),
    };
    Ok(ids.into_iter().map(|id| id.to_string()).collect())
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: Uuid,
    created_at: DateTime<Utc>,
    action: String,
    resource_type: String,
    resource_id: Option<String>,
    user_id: Option<Uuid>,
    user_email: Option<String>,
    user_role: Option<String>,
    user_name: Option<String>,
    system_actor: Option<String>,
    description: Option<String>,
    old_values: Option<Value>,
    new_values: Option<Value>,
    changed_fields: Option<Vec<String>>,
}

fn push_conditions(query: &mut QueryBuilder<'_, Postgres>, filter: &Resolved) {
    match (filter.table, &filter.records) {
        (Some(table), _) => {
            query
                .push(" AND a.resource_type = ")
                .push_bind(table.as_db_str());
        }
        // An id alone: naming every table lets the record index (which
        // starts with the table) find it; PostgreSQL 15 cannot skip a
        // leading column.
        (None, Some(_)) => {
            let tables: Vec<&str> = AuditedTable::ALL.iter().map(|t| t.as_db_str()).collect();
            query
                .push(" AND a.resource_type = ANY(")
                .push_bind(tables)
                .push(")");
        }
        (None, None) => {}
    }
    if let Some(records) = &filter.records {
        query
            .push(" AND a.resource_id = ANY(")
            .push_bind(records.clone())
            .push(")");
    }
    if let Some(user) = filter.user {
        query.push(" AND a.user_id = ").push_bind(user);
    }
    if let Some(action) = filter.action {
        query
            .push(" AND a.action = ")
            .push_bind(action.as_db_str())
            .push("::audit_action");
    }
    if let Some(since) = filter.since {
        query.push(" AND a.created_at >= ").push_bind(since);
    }
    if let Some(before) = filter.before {
        query.push(" AND a.created_at < ").push_bind(before);
    }
}

/// Up to `limit` entries `filter` matches, newest first, from its cursor
/// on; a record or user it names that does not exist is refused at its
/// field.
pub async fn list(
    conn: &mut PgConnection,
    filter: &AuditFilter,
    limit: i64,
) -> Result<AuditEntries, AppError> {
    let resolved = resolve(conn, filter).await?;
    page(conn, &resolved, limit).await
}

/// Up to `limit` entries the filter matches, newest first, starting after
/// the filter's cursor, and the cursor of the page after them.
async fn page(
    conn: &mut PgConnection,
    filter: &Resolved,
    limit: i64,
) -> Result<AuditEntries, AppError> {
    let mut query = QueryBuilder::new(
        "SELECT a.id, a.created_at, a.action::text AS action, a.resource_type, a.resource_id,
                a.user_id, a.user_email, a.user_role::text AS user_role,
                u.first_name || ' ' || u.last_name AS user_name,
                a.system_actor, a.description, a.old_values, a.new_values, a.changed_fields
         FROM audit.audit_log a LEFT JOIN auth.users u ON u.id = a.user_id
         WHERE true",
    );
    push_conditions(&mut query, filter);
    if let Some(after) = filter.after {
        // A cursor that names no entry (an edited address) matches nothing.
        query
            .push(format!(
                " AND ({}) < (SELECT {} FROM audit.audit_log k WHERE k.id = ",
                key_of("a"),
                key_of("k")
            ))
            .push_bind(after)
            .push(")");
    }
    query
        .push(" ORDER BY ")
        .push(newest_first())
        .push(" LIMIT ")
        .push_bind(limit + 1);
    let mut rows = query.build_query_as::<EntryRow>().fetch_all(conn).await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or_default());
    let entries = rows
        .into_iter()
        .map(entry)
        .collect::<Result<Vec<_>, AppError>>()?;
    let older = more.then(|| entries.last().map(|last| last.id)).flatten();
    Ok(AuditEntries { entries, older })
}

fn entry(row: EntryRow) -> Result<AuditEntry, AppError> {
    let actor = match (row.user_id, row.user_email) {
        (None, None) => None,
        (_, email) => Some(Actor {
            name: row.user_name,
            email: email.unwrap_or_default(),
            role: row.user_role.as_deref().map(Role::parse).transpose()?,
        }),
    };
    let action = AuditAction::parse(&row.action)?;
    Ok(AuditEntry {
        id: row.id,
        at: row.created_at,
        actor,
        system_actor: row.system_actor,
        action,
        table: row.resource_type,
        record: row.resource_id,
        description: row.description,
        changes: changes(row.changed_fields, row.old_values, row.new_values),
    })
}

/// An entry's changes field by field: the changed fields of an update, or
/// every field of a created (new values) or deleted (old values) record.
fn changes(
    changed: Option<Vec<String>>,
    old: Option<Value>,
    new: Option<Value>,
) -> Vec<FieldChange> {
    let value = |row: &Option<Value>, field: &str| {
        row.as_ref().and_then(|row| row.get(field)).and_then(shown)
    };
    let fields: Vec<String> = match changed {
        Some(fields) if !fields.is_empty() => fields,
        _ => [&new, &old]
            .into_iter()
            .flatten()
            .find_map(Value::as_object)
            .map(|row| row.keys().cloned().collect())
            .unwrap_or_default(),
    };
    fields
        .into_iter()
        .map(|field| FieldChange {
            old: value(&old, &field),
            new: value(&new, &field),
            field,
        })
        .collect()
}

/// A stored value as text: a string as itself, null as nothing.
fn shown(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(text) => Some(text.clone()),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn change(field: &str, old: Option<&str>, new: Option<&str>) -> FieldChange {
        FieldChange {
            field: field.to_owned(),
            old: old.map(str::to_owned),
            new: new.map(str::to_owned),
        }
    }

    #[test]
    fn an_update_shows_each_changed_field_from_old_to_new() {
        let shown = changes(
            Some(vec!["status".to_owned(), "version".to_owned()]),
            Some(json!({"status": "DRAFT", "version": 1, "notes": "same"})),
            Some(json!({"status": "APPROVED", "version": 2, "notes": "same"})),
        );
        assert_eq!(
            shown,
            [
                change("status", Some("DRAFT"), Some("APPROVED")),
                change("version", Some("1"), Some("2")),
            ]
        );
    }

    #[test]
    fn a_created_record_shows_its_new_values_and_a_deleted_one_its_old() {
        let row = json!({"name": "Deck", "notes": null});
        assert_eq!(
            changes(None, None, Some(row.clone())),
            [
                change("name", None, Some("Deck")),
                change("notes", None, None)
            ]
        );
        assert_eq!(
            changes(Some(vec![]), Some(row), None),
            [
                change("name", Some("Deck"), None),
                change("notes", None, None)
            ]
        );
    }

    #[test]
    fn an_entry_without_rows_has_no_changes() {
        assert_eq!(changes(None, None, None), []);
    }
}
