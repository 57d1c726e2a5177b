//! Template editing as an administrator meets it: every problem named at
//! its line and field with nothing saved (a rule that fails for a sample
//! configuration of the family included), a good save as the next version
//! that the next BOM follows, and a preview that saves nothing.

use rust_decimal::Decimal;
use sqlx::PgPool;
use torvan::bom::TemplateLineDraft;
use torvan_app::bom_templates::{
    CreateTemplate, DuplicateTemplate, GetTemplate, PreviewTemplate, SaveTemplate, TemplateEditor,
};
use torvan_app::error::AppError;
use uuid::Uuid;

use crate::boms_approval::regenerate;
use crate::support::demo::{self, orders, templates, users};
use crate::support::{TestApp, rule_broken};

async fn template_id(pool: &PgPool) -> Uuid {
    demo::id(pool, templates::ESR).await
}

/// The editor's view of a template, as the editor page loads it.
async fn editor(app: &TestApp, cookie: &str, id: Uuid) -> TemplateEditor {
    app.run(cookie, GetTemplate { id }).await.unwrap()
}

fn line_mut(editor: &mut TemplateEditor, number: i32) -> &mut TemplateLineDraft {
    editor
        .lines
        .iter_mut()
        .find(|line| line.line_number == number)
        .unwrap()
}

/// The administrator signed in, with the ESR template open in the editor.
async fn admin_editing(pool: &PgPool) -> (TestApp, String, Uuid, TemplateEditor) {
    let (app, cookie) = TestApp::demo_signed_in(pool, users::ADMIN).await;
    let id = template_id(pool).await;
    let template = editor(&app, &cookie, id).await;
    (app, cookie, id, template)
}

/// The template's version as stored.
async fn stored_version(pool: &PgPool, id: Uuid) -> String {
    sqlx::query_scalar("SELECT version FROM products.bom_templates WHERE id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .unwrap()
}

/// The refusal has a message at `field`.
fn assert_field(refused: &AppError, field: &str) {
    assert!(refused.for_field(field).is_some(), "{field} in {refused:?}");
}

async fn duplicate(app: &TestApp, cookie: &str, id: Uuid) -> Result<Uuid, AppError> {
    app.run(cookie, DuplicateTemplate { id }).await
}

/// Saves the editor as it stands; the new version.
async fn save(app: &TestApp, cookie: &str, editor: &TemplateEditor) -> Result<String, AppError> {
    let save = SaveTemplate {
        id: editor.id,
        header: editor.header.clone(),
        lines: editor.lines.clone(),
    };
    app.run(cookie, save).await
}

#[sqlx::test(migrations = "../migrations")]
async fn every_problem_is_named_at_its_field_and_nothing_is_saved(pool: PgPool) {
    let (app, cookie, id, mut template) = admin_editing(&pool).await;
    template.header.rule = "basin_cout >= 2".into();
    line_mut(&mut template, 210).quantity_formula = "basin_count * ".into();
    line_mut(&mut template, 140).part_number = "999-9999".into();

    let refused = rule_broken(save(&app, &cookie, &template).await);
    for field in ["rule", "210:quantity_formula", "140:part_number"] {
        assert_field(&refused, field);
    }
    assert!(
        refused
            .for_field("rule")
            .is_some_and(|message| message.contains("unknown variable “basin_cout” at 1:1")),
        "{refused:?}"
    );
    assert_eq!(stored_version(&pool, id).await, "1.0");
}

#[sqlx::test(migrations = "../migrations")]
async fn descriptions_longer_than_their_columns_are_refused_at_their_fields(pool: PgPool) {
    let (app, cookie, _, mut template) = admin_editing(&pool).await;
    template.header.description = "d".repeat(2_001);
    line_mut(&mut template, 210).description = "d".repeat(256);

    let refused = rule_broken(save(&app, &cookie, &template).await);
    for (field, message) in [
        ("description", "At most 2,000 characters; this has 2,001."),
        ("210:description", "At most 255 characters; this has 256."),
    ] {
        assert_eq!(
            refused.for_field(field).as_deref(),
            Some(message),
            "{refused:?}"
        );
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_rule_that_fails_for_a_sample_configuration_is_refused_at_its_field(pool: PgPool) {
    let (app, cookie, id, mut template) = admin_editing(&pool).await;
    template.header.rule = "1 / 0 > 1".into();
    let refused = rule_broken(save(&app, &cookie, &template).await);
    assert!(
        refused
            .for_field("rule")
            .is_some_and(|message| message.contains("division by zero")),
        "{refused:?}"
    );

    template.header.rule = String::new();
    line_mut(&mut template, 210).quantity_formula = "basin_count / 0".into();
    let refused = rule_broken(save(&app, &cookie, &template).await);
    let said = "Fails for a sample Endoscope Reprocessing Sink configuration: division by zero";
    assert!(
        refused
            .for_field("210:quantity_formula")
            .is_some_and(|message| message.contains(said)),
        "{refused:?}"
    );
    assert_eq!(stored_version(&pool, id).await, "1.0");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_saved_template_is_the_next_version_and_the_next_bom_follows_it(pool: PgPool) {
    let (app, cookie, id, mut template) = admin_editing(&pool).await;
    let lines = template.lines.len();
    line_mut(&mut template, 160).base_quantity = "6".into();

    assert_eq!(save(&app, &cookie, &template).await, Ok("1.1".to_owned()));
    let reread = editor(&app, &cookie, id).await;
    assert_eq!(reread.lines.len(), lines);
    assert_eq!(reread.version, "1.1");

    let build = orders::RUSH_WITH_CUSTOM_PART_BUILD;
    let again = regenerate(orders::RUSH_WITH_CUSTOM_PART, build, "Gussets");
    app.run(&cookie, again).await.unwrap();
    let (method, gussets): (String, Decimal) = sqlx::query_as(
        "SELECT b.generation_method, i.quantity_per_assembly FROM orders.boms b
         JOIN orders.bom_items i ON i.bom_id = b.id
         JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
         WHERE c.build_number = $1 AND b.version = 2 AND i.line_number = 160",
    )
    .bind(build)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(method, "Standard Endoscope Reprocessing Sink v1.1");
    assert_eq!(gussets, Decimal::from(6));
}

/// The template's lines copied, renumbered after the last, until it holds
/// `count` lines: each copy keeps its parents inside the same copy.
fn grown_to(lines: &[TemplateLineDraft], count: usize) -> Vec<TemplateLineDraft> {
    let step = lines.iter().map(|line| line.line_number).max().unwrap();
    (0..)
        .flat_map(|copy| {
            lines.iter().map(move |line| TemplateLineDraft {
                line_number: line.line_number + copy * step,
                parent_line: line.parent_line.map(|parent| parent + copy * step),
                ..line.clone()
            })
        })
        .take(count)
        .collect()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_template_of_as_many_lines_as_the_cap_allows_is_saved_and_previewed(pool: PgPool) {
    let (app, cookie, id, mut template) = admin_editing(&pool).await;
    template.lines = grown_to(&template.lines, torvan::bom::MAX_LINES);
    let body = serde_json::to_vec(&template.lines).unwrap().len();
    assert!(body > 1024 * 1024, "the lines are {body} bytes of JSON");

    let preview = PreviewTemplate {
        id,
        lines: template.lines.clone(),
        order_number: orders::RUSH_WITH_CUSTOM_PART.to_owned(),
        build_number: orders::RUSH_WITH_CUSTOM_PART_BUILD.to_owned(),
    };
    app.run(&cookie, preview).await.unwrap();
    assert_eq!(save(&app, &cookie, &template).await, Ok("1.1".to_owned()));
    assert_eq!(
        editor(&app, &cookie, id).await.lines.len(),
        torvan::bom::MAX_LINES
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_preview_shows_the_bom_of_the_lines_as_typed_and_saves_nothing(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::COORDINATOR).await;
    let id = template_id(&pool).await;
    let mut template = editor(&app, &cookie, id).await;
    line_mut(&mut template, 160).base_quantity = "6".into();
    let preview = |order: &str, build: &str| PreviewTemplate {
        id,
        lines: template.lines.clone(),
        order_number: order.to_owned(),
        build_number: build.to_owned(),
    };
    let shown = preview(
        orders::RUSH_WITH_CUSTOM_PART,
        orders::RUSH_WITH_CUSTOM_PART_BUILD,
    );
    let shown = app.run(&cookie, shown).await.unwrap();
    let gussets = shown
        .rows
        .iter()
        .find(|row| row.line_number == 160)
        .unwrap();
    assert_eq!(gussets.quantity_per_assembly, Decimal::from(6));

    let other_family = preview(orders::DELIVERED, orders::DELIVERED_BUILD);
    rule_broken(app.run(&cookie, other_family).await);
    let stored: (i64, String) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM orders.boms b
                 JOIN orders.order_sink_configurations c ON c.id = b.configuration_id
                 WHERE c.build_number = $2),
                (SELECT version FROM products.bom_templates WHERE id = $1)",
    )
    .bind(id)
    .bind(orders::RUSH_WITH_CUSTOM_PART_BUILD)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        stored,
        (1, "1.0".into()),
        "no BOM version written, the template untouched"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_duplicate_is_an_inactive_copy_with_every_line_under_its_parent(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let id = template_id(&pool).await;
    let copy = duplicate(&app, &cookie, id).await.unwrap();
    let original = editor(&app, &cookie, id).await;
    let copied = editor(&app, &cookie, copy).await;
    assert_eq!(copied.lines, original.lines, "same lines, same parents");
    assert!(!copied.header.active);
    assert_eq!(
        copied.header.name,
        "Standard Endoscope Reprocessing Sink (copy)"
    );

    rule_broken(duplicate(&app, &cookie, id).await);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_new_template_starts_empty_inactive_and_named_once_per_family(pool: PgPool) {
    let (app, cookie) = TestApp::demo_signed_in(&pool, users::ADMIN).await;
    let (app, cookie) = (&app, cookie.as_str());
    let create = move |family: &str, name: &str| {
        let create = CreateTemplate {
            family: family.to_owned(),
            name: name.to_owned(),
        };
        app.run(cookie, create)
    };
    let id = create("LAB", "Lab on casters").await.unwrap();
    let new = editor(app, cookie, id).await;
    assert_eq!(new.lines, []);
    assert_eq!((new.header.active, new.version.as_str()), (false, "1.0"));

    let again = rule_broken(create("LAB", "Lab on casters").await);
    assert_field(&again, "name");
    let nameless = create("LAB", " ").await.unwrap_err();
    assert_field(&nameless, "name");
    let unknown = create("NONE", "X").await.unwrap_err();
    assert_field(&unknown, "family");
}
