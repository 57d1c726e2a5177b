//! Part search: by part-number prefix or by words of the name and
//! description (PostgreSQL full text, GIN-indexed), with filters and pages.
//!
//! The one inventory statement built at run time, with `QueryBuilder`: the
//! user chooses which filters apply, and a statement holding every filter as
//! `($n IS NULL OR …)` would share one generic plan that cannot use the
//! prefix or full-text index. Assembled from the filters actually set, with
//! every value bound, each search gets a plan that uses its indexes.

use sqlx::{PgConnection, Postgres, QueryBuilder};
use torvan::paging::{MAX_PAGE_SIZE, Page};
use torvan::{DbEnum, MakeOrBuy, StockStatus};

use super::model::{PartHit, PartSearch, SearchPage};
use crate::error::AppError;

#[derive(sqlx::FromRow)]
struct Row {
    part_number: String,
    name: String,
    category: Option<String>,
    on_hand: i32,
    allocated: i32,
    available: i32,
    reorder_point: i32,
    stock_status: String,
    make_or_buy: String,
}

const STOCK_STATUS: &str = "CASE WHEN p.quantity_available <= 0 THEN 'OUT_OF_STOCK'
     WHEN p.quantity_available <= p.reorder_point THEN 'LOW_STOCK'
     WHEN p.quantity_available <= p.reorder_point * 2 THEN 'MEDIUM_STOCK'
     ELSE 'IN_STOCK' END";

/// Text that reads as the start of a part number: digits, capitals, dashes.
fn is_part_number_prefix(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || c == '-')
}

const HIERARCHY: &str = " LEFT JOIN inventory.sub_assemblies sa ON sa.id = p.sub_assembly_id
     LEFT JOIN inventory.assemblies a ON a.id = sa.assembly_id
     LEFT JOIN inventory.categories c ON c.id = a.category_id";

/// The WHERE clause of a search, shared by its page and its count.
fn push_filters(sql: &mut QueryBuilder<'_, Postgres>, query: &PartSearch) {
    sql.push(" WHERE p.status = 'ACTIVE'");
    let text = query.text.trim();
    if is_part_number_prefix(text) {
        sql.push(" AND p.part_number LIKE ")
            .push_bind(format!("{}%", text.replace(['%', '_'], "")));
    } else if !text.is_empty() {
        sql.push(
            " AND to_tsvector('english', coalesce(p.name, '') || ' ' || coalesce(p.description, ''))
              @@ websearch_to_tsquery('english', ",
        )
        .push_bind(text.to_owned())
        .push(")");
    }
    if let Some(status) = query.stock_status {
        sql.push(format!(" AND {STOCK_STATUS} = "))
            .push_bind(status.as_db_str());
    }
    if let Some(category) = query.category_id {
        sql.push(" AND c.id = ").push_bind(category);
    }
    if let Some(code) = query.make_or_buy {
        sql.push(" AND p.make_or_buy = ")
            .push_bind(code.as_db_str());
    }
}

/// One page of matches and the number of matches: a page walks the
/// part-number index and stops after a page, while the count needs no joins
/// or sorting unless a category is asked for.
pub async fn search(conn: &mut PgConnection, query: &PartSearch) -> Result<SearchPage, AppError> {
    let page_size = query.page_size.clamp(1, MAX_PAGE_SIZE);
    let mut page = QueryBuilder::<Postgres>::new(format!(
        "SELECT p.part_number, p.name, c.name AS category, p.quantity_on_hand AS on_hand, p.quantity_allocated AS allocated,
                p.quantity_available AS available,
                coalesce(p.reorder_point, 0) AS reorder_point, {STOCK_STATUS} AS stock_status,
                p.make_or_buy::text AS make_or_buy
         FROM inventory.parts p {HIERARCHY}"
    ));
    push_filters(&mut page, query);
    page.push(" ORDER BY p.part_number LIMIT ")
        .push_bind(page_size)
        .push(" OFFSET ")
        .push_bind(Page::requested(query.page).offset(page_size));

    let joins = if query.category_id.is_some() {
        HIERARCHY
    } else {
        ""
    };
    let mut count =
        QueryBuilder::<Postgres>::new(format!("SELECT count(*) FROM inventory.parts p {joins}"));
    push_filters(&mut count, query);

    let rows = page.build_query_as::<Row>().fetch_all(&mut *conn).await?;
    let total = count.build_query_scalar::<i64>().fetch_one(conn).await?;
    let hits = rows
        .into_iter()
        .map(|row| {
            Ok(PartHit {
                stock_status: StockStatus::parse(&row.stock_status)?,
                make_or_buy: MakeOrBuy::parse(&row.make_or_buy)?,
                part_number: row.part_number,
                name: row.name,
                category: row.category,
                on_hand: row.on_hand,
                allocated: row.allocated,
                available: row.available,
                reorder_point: row.reorder_point,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(SearchPage { hits, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_numbers_are_told_from_words() {
        assert!(is_part_number_prefix("710-"));
        assert!(is_part_number_prefix("211-0005"));
        assert!(!is_part_number_prefix("drain valve"));
        assert!(!is_part_number_prefix("---"));
    }
}
