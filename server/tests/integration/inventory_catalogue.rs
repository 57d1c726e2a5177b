//! Keeping the catalogue through HTTP as procurement does: parts and groups
//! with their field messages, stock received and counted, substitutes,
//! 700-series parts, and the parts CSV out and back in.

use axum::http::StatusCode;
use sqlx::PgPool;
use torvan::csv;

use crate::support::{self, DEMO_PASSWORD, TestApp};

async fn procurement(pool: &PgPool) -> (TestApp, String) {
    torvan_server::seed::seed_demo(pool).await.unwrap();
    let app = TestApp::new(pool.clone()).await;
    let cookie = app
        .sign_in("procurement@torvan.test", DEMO_PASSWORD)
        .await
        .unwrap();
    (app, cookie)
}

async fn stock_status(pool: &PgPool, part_number: &str) -> String {
    sqlx::query_scalar(
        "SELECT stock_status FROM inventory.parts_availability WHERE part_number = $1",
    )
    .bind(part_number)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn a_duplicate_part_number_is_reported_at_its_field(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let reply = app
        .call(
            "/api/inventory/part/save",
            "draft[part_number]=121-0001&draft[name]=Copy",
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains(r#""field":"part_number""#),
        "{}",
        reply.body
    );
    assert!(
        reply.body.contains("121-0001 is already in use"),
        "{}",
        reply.body
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn negative_costs_and_quantities_are_refused_and_nothing_is_saved(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let form = "draft[part_number]=NEW-0001&draft[name]=New&draft[standard_cost]=-1&draft[reorder_point]=-2";
    let reply = app
        .call("/api/inventory/part/save", form, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains(r#""field":"standard_cost""#),
        "{}",
        reply.body
    );
    assert!(
        reply.body.contains(r#""field":"reorder_point""#),
        "{}",
        reply.body
    );
    let saved: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM inventory.parts WHERE part_number = 'NEW-0001')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(!saved);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_new_part_lands_in_its_place_with_an_audit_record(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let place = support::encode("FRAMES > ASM-120 > SUB-121");
    let form = format!(
        "draft[part_number]=121-0099&draft[name]=Leg+tube+test&draft[hierarchy_path]={place}&draft[standard_cost]=12.50&draft[vendor_code]=NORTHSTEEL"
    );
    let reply = app
        .call("/api/inventory/part/save", &form, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let (sub_assembly, cost, audited): (String, rust_decimal::Decimal, i64) = sqlx::query_as(
        "SELECT sa.part_number, p.standard_cost,
                (SELECT count(*) FROM audit.audit_log l WHERE l.resource_id = p.id::text AND l.action = 'CREATE')
         FROM inventory.parts p JOIN inventory.sub_assemblies sa ON sa.id = p.sub_assembly_id
         WHERE p.part_number = '121-0099'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (sub_assembly.as_str(), cost.to_string().as_str(), audited),
        ("SUB-121", "12.50", 1)
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn receiving_stock_lifts_a_low_part_and_is_in_the_ledger(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let (number, reorder_point): (String, i32) = sqlx::query_as(
        "SELECT part_number, reorder_point FROM inventory.parts_availability
         WHERE stock_status = 'LOW_STOCK' ORDER BY part_number LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let quantity = reorder_point * 3 + 1;
    let form = format!("part_number={number}&quantity={quantity}&note=PO-4711");
    let reply = app
        .call("/api/inventory/stock/receive", &form, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(stock_status(&pool, &number).await, "IN_STOCK");
    let ledger: (String, i32, Option<String>) = sqlx::query_as(
        "SELECT m.movement_type::text, m.on_hand_change, m.reference_id
         FROM inventory.stock_movements m JOIN inventory.parts p ON p.id = m.part_id
         WHERE p.part_number = $1",
    )
    .bind(&number)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        ledger,
        ("RECEIVE".to_owned(), quantity, Some("PO-4711".to_owned()))
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn an_adjustment_needs_a_reason_and_cannot_go_below_what_is_allocated(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let no_reason = app
        .call(
            "/api/inventory/stock/adjust",
            "part_number=111-0001&change=-1&reason=+",
            Some(&cookie),
        )
        .await;
    assert!(
        no_reason.body.contains(r#""field":"reason""#),
        "{}",
        no_reason.body
    );
    // 111-0001 has 31 on hand, 3 allocated.
    let too_far = app
        .call(
            "/api/inventory/stock/adjust",
            "part_number=111-0001&change=-30&reason=count",
            Some(&cookie),
        )
        .await;
    assert_eq!(too_far.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        too_far.body.contains(r#""field":"change""#),
        "{}",
        too_far.body
    );
    let counted = app
        .call(
            "/api/inventory/stock/adjust",
            "part_number=111-0001&change=-2&reason=cycle+count",
            Some(&cookie),
        )
        .await;
    assert_eq!(
        (counted.status, counted.body.as_str()),
        (StatusCode::OK, "29")
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn substitutes_refuse_the_part_itself_and_show_on_the_part_page(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let add = |substitute: &str| {
        format!(
            "part_number=111-0001&substitute={substitute}&kind=EMERGENCY&conversion_factor=1.5&notes="
        )
    };
    let itself = app
        .call(
            "/api/inventory/substitutes/add",
            &add("111-0001"),
            Some(&cookie),
        )
        .await;
    assert_eq!(itself.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        itself.body.contains("cannot substitute for itself"),
        "{}",
        itself.body
    );

    let added = app
        .call(
            "/api/inventory/substitutes/add",
            &add("111-0002"),
            Some(&cookie),
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    let page = app
        .call("/api/inventory/part", "part_number=111-0001", Some(&cookie))
        .await;
    assert!(
        page.body.contains(r#""part_number":"111-0002""#),
        "{}",
        page.body
    );
    assert!(
        page.body.contains(r#""kind":"EMERGENCY""#)
            && page.body.contains(r#""conversion_factor":"1.5""#)
    );

    let removed = app
        .call(
            "/api/inventory/substitutes/remove",
            "part_number=111-0001&substitute=111-0002",
            Some(&cookie),
        )
        .await;
    assert_eq!(removed.status, StatusCode::OK);
    let page = app
        .call("/api/inventory/part", "part_number=111-0001", Some(&cookie))
        .await;
    assert!(!page.body.contains(r#""part_number":"111-0002""#));
}

#[sqlx::test(migrations = "../migrations")]
async fn custom_parts_take_consecutive_numbers_of_their_series(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let form = "category=PEGBOARD&draft[name]=Pegboard+36+x+24&draft[hierarchy_path]=CUSTOM+%3E+ASM-710+%3E+SUB-711";
    let first = app
        .call("/api/inventory/part/custom", form, Some(&cookie))
        .await;
    let second = app
        .call("/api/inventory/part/custom", form, Some(&cookie))
        .await;
    let number = |body: &str| body.trim_matches('"').to_owned();
    let (first, second) = (number(&first.body), number(&second.body));
    assert!(first.starts_with("710-"), "{first}");
    let sequence = |n: &str| n[4..].parse::<u32>().unwrap();
    assert_eq!(sequence(&second), sequence(&first) + 1);
    let custom: bool =
        sqlx::query_scalar("SELECT is_custom_part FROM inventory.parts WHERE part_number = $1")
            .bind(&first)
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(custom);

    let unknown = app
        .call(
            "/api/inventory/part/custom",
            "category=SINK&draft[name]=x",
            Some(&cookie),
        )
        .await;
    assert!(
        unknown.body.contains(r#""field":"category""#),
        "{}",
        unknown.body
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn the_tree_counts_what_is_below_each_group(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let roots = app
        .call("/api/inventory/catalogue/children", "", Some(&cookie))
        .await;
    let roots: serde_json::Value = serde_json::from_str(&roots.body).unwrap();
    let frames = roots
        .as_array()
        .unwrap()
        .iter()
        .find(|node| node["key"] == "FRAMES")
        .unwrap();
    let (assemblies, parts): (i64, i64) = sqlx::query_as(
        "SELECT count(DISTINCT a.id), count(p.id)
         FROM inventory.categories c
         JOIN inventory.assemblies a ON a.category_id = c.id
         LEFT JOIN inventory.sub_assemblies sa ON sa.assembly_id = a.id
         LEFT JOIN inventory.parts p ON p.sub_assembly_id = sa.id
         WHERE c.code = 'FRAMES'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (frames["children"].as_i64(), frames["parts"].as_i64()),
        (Some(assemblies), Some(parts))
    );

    let id = frames["id"].as_str().unwrap();
    let children = app
        .call(
            "/api/inventory/catalogue/children",
            &format!("level=Category&id={id}"),
            Some(&cookie),
        )
        .await;
    let children: serde_json::Value = serde_json::from_str(&children.body).unwrap();
    assert_eq!(children.as_array().unwrap().len() as i64, assemblies);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_category_code_in_use_is_reported_at_its_field(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let form = "level=1&key=frames&name=Again&description=&status=ACTIVE";
    let reply = app
        .call("/api/inventory/catalogue/save", form, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("FRAMES is already in use"),
        "{}",
        reply.body
    );
    let orphan = app
        .call(
            "/api/inventory/catalogue/save",
            "level=2&key=ASM-999&name=Orphan&description=&status=ACTIVE",
            Some(&cookie),
        )
        .await;
    assert!(
        orphan.body.contains(r#""field":"parent""#),
        "{}",
        orphan.body
    );
    let too_deep = app
        .call(
            "/api/inventory/catalogue/save",
            "level=5&key=X-1&name=Deep&description=&status=ACTIVE",
            Some(&cookie),
        )
        .await;
    assert!(
        too_deep.body.contains("levels 1 to 4; 5 is out of range"),
        "{}",
        too_deep.body
    );
}

fn import_body(text: &str) -> String {
    let mut records = csv::read(text).unwrap().into_iter();
    let header = records.next().unwrap().fields;
    let rows: Vec<serde_json::Value> = records
        .map(|record| serde_json::json!({ "line": record.line, "fields": record.fields }))
        .collect();
    serde_json::json!({ "header": header, "rows": rows }).to_string()
}

#[sqlx::test(migrations = "../migrations")]
async fn an_exported_catalogue_imports_unchanged(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let export = app.get("/inventory/parts.csv", Some(&cookie)).await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(
        export.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let audit_rows = || sqlx::query_scalar::<_, i64>("SELECT count(*) FROM audit.audit_log");
    let before = audit_rows().fetch_one(&pool).await.unwrap();

    let reply = app
        .call(
            "/api/inventory/import/apply",
            &import_body(&export.body),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let parts: i64 = sqlx::query_scalar("SELECT count(*) FROM inventory.parts")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        reply.body,
        format!(r#"{{"Imported":{{"created":0,"updated":0,"unchanged":{parts}}}}}"#)
    );
    assert_eq!(audit_rows().fetch_one(&pool).await.unwrap(), before);
    let again = app.get("/inventory/parts.csv", Some(&cookie)).await;
    assert_eq!(again.body, export.body);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_file_with_one_bad_row_writes_nothing(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let file = "part_number,name,standard_cost,hierarchy_path\r\n\
                NEW-0001,Good row,1.00,FRAMES > ASM-120 > SUB-121\r\n\
                NEW-0002,Bad row,-4,FRAMES > ASM-120 > SUB-121\r\n\
                NEW-0003,Nowhere,2,FRAMES > ASM-120 > SUB-999\r\n";
    let check = app
        .call(
            "/api/inventory/import/check",
            &import_body(file),
            Some(&cookie),
        )
        .await;
    assert!(
        check.body.contains(r#""line":3,"column":"standard_cost""#),
        "{}",
        check.body
    );
    assert!(
        check.body.contains(r#""line":4,"column":"hierarchy_path""#),
        "{}",
        check.body
    );

    let apply = app
        .call(
            "/api/inventory/import/apply",
            &import_body(file),
            Some(&cookie),
        )
        .await;
    assert!(apply.body.starts_with(r#"{"Refused""#), "{}", apply.body);
    let written: i64 =
        sqlx::query_scalar("SELECT count(*) FROM inventory.parts WHERE part_number LIKE 'NEW-%'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(written, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_reorder_csv_follows_the_vendor_filter(pool: PgPool) {
    let (app, cookie) = procurement(&pool).await;
    let all = app.get("/inventory/reorder.csv", Some(&cookie)).await;
    let one = app
        .get("/inventory/reorder.csv?vendor=AQUAFLOW", Some(&cookie))
        .await;
    let lines = |body: &str| csv::read(body).unwrap().len() - 1;
    assert!(
        lines(&one.body) > 0 && lines(&one.body) < lines(&all.body),
        "{}",
        one.body
    );
    assert!(
        csv::read(&one.body).unwrap()[1..]
            .iter()
            .all(|record| record.fields[2] == "AQUAFLOW")
    );
    let anonymous = app.get("/inventory/reorder.csv", None).await;
    assert_ne!(anonymous.status, StatusCode::OK);
}
