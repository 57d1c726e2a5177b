//! The family's BOM templates: the first whose selection rule holds for
//! the configuration, read and checked as the template editor checks it.

use sqlx::PgConnection;
use std::collections::BTreeMap;
use torvan::bom::{Selection, Template, TemplateLineDraft, parse_template, select};

use torvan::rule_language::Value;
use uuid::Uuid;

use crate::error::AppError;

pub struct Chosen {
    pub id: Uuid,
    pub name: String,
    pub version: String,
    pub template: Template,
}

struct Candidate {
    id: Uuid,
    template_name: String,
    version: String,
    configuration_rules: String,
}

struct ItemRow {
    line_number: i32,
    parent_line: Option<i32>,
    part_number: Option<String>,
    part_number_pattern: Option<String>,
    quantity_formula: Option<String>,
    base_quantity: String,
    include_condition: Option<String>,
    scrap_factor: String,
    is_phantom: bool,
    description: Option<String>,
    route_step: Option<String>,
}

fn refused(message: String) -> AppError {
    AppError::invalid("bom", message)
}

pub async fn choose(
    conn: &mut PgConnection,
    family: &str,
    vars: &BTreeMap<String, Value>,
) -> Result<Chosen, AppError> {
    let candidates = sqlx::query_as!(
        Candidate,
        "SELECT t.id, t.template_name, t.version, t.configuration_rules
         FROM products.bom_templates t
         JOIN products.sink_families f ON f.id = t.sink_family_id
         WHERE f.code = $1 AND t.is_active
         ORDER BY t.priority, t.created_at DESC",
        family
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut rules = Vec::with_capacity(candidates.len());
    for candidate in &candidates {
        let rule = Selection::parse(&candidate.configuration_rules).map_err(|error| {
            refused(format!(
                "The selection rule of template “{}” is wrong: {error}. An administrator must correct it.",
                candidate.template_name
            ))
        })?;
        rules.push((candidate, rule));
    }
    let candidate = select(&rules, vars)
        .map_err(|failure| {
            let name = rules
                .get(failure.index)
                .map_or("?", |(candidate, _)| candidate.template_name.as_str());
            refused(format!(
                "The selection rule of template “{name}” cannot be evaluated: {}.",
                failure.error
            ))
        })?
        .ok_or_else(|| {
            refused(format!(
                "No active BOM template of family {family} matches this configuration. An administrator must add one."
            ))
        })?;
    let template = lines(conn, candidate).await?;
    Ok(Chosen {
        id: candidate.id,
        name: candidate.template_name.clone(),
        version: candidate.version.clone(),
        template,
    })
}

/// A template's lines as stored, in line-number order.
pub(crate) async fn drafts(
    conn: &mut PgConnection,
    template_id: Uuid,
) -> Result<Vec<TemplateLineDraft>, AppError> {
    let rows = sqlx::query_as!(
        ItemRow,
        r#"SELECT i.line_number, parent.line_number AS "parent_line?", p.part_number AS "part_number?",
                  i.part_number_pattern, i.quantity_formula,
                  trim_scale(i.base_quantity)::text AS "base_quantity!", i.include_condition,
                  trim_scale(i.scrap_factor)::text AS "scrap_factor!", i.is_phantom, i.description,
                  i.route_step
           FROM products.bom_template_items i
           LEFT JOIN products.bom_template_items parent ON parent.id = i.parent_item_id
           LEFT JOIN inventory.parts p ON p.id = i.part_id
           WHERE i.template_id = $1
           ORDER BY i.line_number"#,
        template_id
    )
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(ItemRow::draft).collect())
}

async fn lines(conn: &mut PgConnection, candidate: &Candidate) -> Result<Template, AppError> {
    let drafts = drafts(conn, candidate.id).await?;
    parse_template(&drafts).map_err(|problems| {
        let listed: Vec<String> = problems
            .iter()
            .map(|problem| {
                format!(
                    "line {}, {}: {}",
                    problem.line_number,
                    problem.field.label(),
                    problem.message
                )
            })
            .collect();
        refused(format!(
            "Template “{}” has errors: {}.",
            candidate.template_name,
            listed.join("; ")
        ))
    })
}

impl ItemRow {
    fn draft(self) -> TemplateLineDraft {
        TemplateLineDraft {
            line_number: self.line_number,
            parent_line: self.parent_line,
            part_number: self.part_number.unwrap_or_default(),
            part_pattern: self.part_number_pattern.unwrap_or_default(),
            quantity_formula: self.quantity_formula.unwrap_or_default(),
            base_quantity: self.base_quantity,
            include_condition: self.include_condition.unwrap_or_default(),
            scrap_factor: self.scrap_factor,
            phantom: self.is_phantom,
            description: self.description.unwrap_or_default(),
            route_step: self.route_step.unwrap_or_default(),
        }
    }
}
