//! The production record of one build, composed from the features that own
//! each part of it: the order (timeline, release signatures), the
//! configuration as approved (in the wizard's words, with its signatures),
//! the BOM version built to, the checklists with their defects, and this
//! module's own reads (genealogy, tasks, audit). The caller reads it in
//! one snapshot (`db::snapshot`), so the parts agree with each other.

use sqlx::PgConnection;
use torvan::document::Attachment;
use torvan::quality::QcPhase;
use torvan::{BuildNumber, DbEnum, OrderNumber, Role};
use uuid::Uuid;

use super::model::{BomRecord, BomRecordLine, BuildRecord, ConfigurationRecord, QcRecord};
use super::queries::{self, Head, Tracked};
use crate::boms::queries::Shown;
use crate::documents::DocumentView;
use crate::documents::queries::Owner;
use crate::error::AppError;
use crate::orders::sinks::queries::Target;
use crate::orders::sinks::review::summary;

/// Who reads the record: the order's page and the configuration's read
/// differ by role and person (what they may do), the record does not.
pub struct Reader {
    pub id: Uuid,
    pub role: Role,
}

pub async fn record(
    conn: &mut PgConnection,
    build: &BuildNumber,
    reader: &Reader,
) -> Result<BuildRecord, AppError> {
    let head = queries::head(conn, build).await?;
    let order_number = stored_number(OrderNumber::parse(&head.order_number))?;
    let configuration_number = stored_number(BuildNumber::parse(&head.configuration_number))?;
    let unit_number = stored_number(BuildNumber::parse(&head.build_number))?;
    let order = crate::orders::detail::queries::detail(conn, &order_number, reader.role).await?;
    let target = Target {
        order_number: order_number.clone(),
        build_number: configuration_number.clone(),
    };
    let configuration = configuration(conn, &target, reader.id).await?;
    let bom = bom(conn, &head, &order_number, &configuration_number).await?;
    let mut checklists = Vec::new();
    for &phase in QcPhase::ALL {
        match crate::quality::queries::checklist(conn, &unit_number, phase).await {
            Ok(checklist) => {
                let defects = crate::quality::queries::defects(conn, checklist.id).await?;
                checklists.push(QcRecord { checklist, defects });
            }
            Err(AppError::NotFound) => {}
            Err(error) => return Err(error),
        }
    }
    let tasks = queries::tasks(conn, head.id).await?;
    let materials = queries::materials(conn, &head).await?;
    let tracked = tracked(conn, &head, bom.as_ref().map(|(id, _)| *id), &checklists).await?;
    let audit = queries::audit(conn, &tracked).await?;
    let documents = documents(conn, head.id, &checklists).await?;
    let serial_number = head.serial_number();
    Ok(BuildRecord {
        build_number: head.build_number,
        unit: head.unit,
        units: head.units,
        order_number: head.order_number,
        configuration_number: head.configuration_number,
        customer: order.customer,
        customer_po_number: order.customer_po_number,
        order_status: order.status,
        shipped_on: head.shipped_on.map(|day| day.to_string()),
        serial_number,
        unit_serials: head.unit_serials,
        may_record_plate: head.unit_serials == torvan::unit_serial::SerialScheme::SerialPlate
            && !torvan::order_lifecycle::build_records_frozen(order.status)
            && torvan::permits(reader.role, torvan::Resource::Qc, torvan::Action::Update),
        configuration,
        bom: bom.map(|(_, record)| record),
        materials,
        tasks,
        checklists,
        timeline: order.timeline,
        order_signatures: order.signatures,
        documents,
        audit,
        may_open_qc: torvan::permits(reader.role, torvan::Resource::Qc, torvan::Action::Read),
    })
}

fn stored_number<T, E: std::fmt::Display>(parsed: Result<T, E>) -> Result<T, AppError> {
    parsed.map_err(|error| {
        tracing::error!(%error, "a stored order or build number does not parse");
        AppError::Internal
    })
}

async fn configuration(
    conn: &mut PgConnection,
    target: &Target,
    reader: Uuid,
) -> Result<ConfigurationRecord, AppError> {
    let wizard = crate::orders::sinks::queries::wizard(conn, target, reader).await?;
    let family = wizard
        .families
        .iter()
        .find(|family| family.code == wizard.choices.family);
    let lines = family.map_or_else(Vec::new, |family| {
        summary(&wizard.choices, family)
            .into_iter()
            .map(|(label, value)| (label.to_owned(), value))
            .collect()
    });
    let stamp = |stamp: Option<crate::orders::sinks::Stamp>| {
        stamp.map(|stamp| format!("{}, {}", stamp.by, stamp.at))
    };
    Ok(ConfigurationRecord {
        family: family.map_or_else(|| wizard.choices.family.clone(), |f| f.name.clone()),
        lines,
        validated: stamp(wizard.validated),
        approved: stamp(wizard.approved),
        signatures: wizard.signatures,
    })
}

/// The version the build was made to: the approved one, else the latest.
async fn bom(
    conn: &mut PgConnection,
    head: &Head,
    order_number: &OrderNumber,
    configuration_number: &BuildNumber,
) -> Result<Option<(Uuid, BomRecord)>, AppError> {
    let version = sqlx::query_scalar!(
        "SELECT version FROM orders.boms WHERE configuration_id = $1
         ORDER BY (status = $2) DESC, version DESC LIMIT 1",
        head.configuration_id,
        torvan::bom::BomStatus::Approved.as_db_str()
    )
    .fetch_optional(&mut *conn)
    .await?;
    let Some(version) = version else {
        return Ok(None);
    };
    let asked = Shown {
        version: Some(version),
        compare_with: None,
        viewer: None,
    };
    let page = crate::boms::queries::page(conn, order_number, configuration_number, asked).await?;
    let approved = page
        .versions
        .iter()
        .find(|listed| listed.version == version)
        .and_then(|listed| listed.approved.clone())
        .map(|(by, at)| format!("{by}, {}", torvan::text::minute_utc(at)));
    Ok(page.shown.map(|shown| {
        let record = BomRecord {
            version: shown.version,
            status: shown.status.label().to_owned(),
            approved,
            signatures: shown.signatures,
            lines: shown
                .rows
                .into_iter()
                .map(|row| BomRecordLine {
                    line_number: row.line_number,
                    depth: row.depth,
                    part_number: row.part_number,
                    name: row.name,
                    quantity: row.total_quantity.normalize().to_string(),
                })
                .collect(),
        };
        (shown.id, record)
    }))
}

/// The records whose audit rows the production record verifies.
/// Every document filed on the build or on one of its QC items (titled
/// with the item), whoever reads it: the record's text is the same for
/// every reader.
async fn documents(
    conn: &mut PgConnection,
    build: Uuid,
    checklists: &[QcRecord],
) -> Result<Vec<DocumentView>, AppError> {
    let of = |attached, id| Owner { attached, id };
    let mut filed = filed_on(conn, of(Attachment::Build, build)).await?;
    let items: Vec<Uuid> = checklists
        .iter()
        .flat_map(|qc| qc.checklist.items.iter().map(|item| item.id))
        .collect();
    let with_documents = sqlx::query_scalar!(
        "SELECT DISTINCT entity_id FROM files.document_relationships
         WHERE entity_type = $1 AND entity_id = ANY($2)",
        Attachment::QcItem.as_db_str(),
        &items,
    )
    .fetch_all(&mut *conn)
    .await?;
    for qc in checklists {
        for item in &qc.checklist.items {
            if !with_documents.contains(&item.id) {
                continue;
            }
            let phase = qc.checklist.phase.label();
            for mut document in filed_on(conn, of(Attachment::QcItem, item.id)).await? {
                document.title = format!("{phase} item {}: {}", item.number, document.title);
                filed.push(document);
            }
        }
    }
    Ok(filed)
}

/// The documents filed on `owner`, at their latest versions.
async fn filed_on(conn: &mut PgConnection, owner: Owner) -> Result<Vec<DocumentView>, AppError> {
    Ok(
        crate::documents::queries::documents(conn, owner, Role::Admin, false)
            .await?
            .documents,
    )
}

async fn tracked(
    conn: &mut PgConnection,
    head: &Head,
    bom_id: Option<Uuid>,
    checklists: &[QcRecord],
) -> Result<Vec<Tracked>, AppError> {
    let mut records: Vec<Tracked> = vec![
        ("orders", "orders", head.order_id),
        ("orders", "order_sink_configurations", head.configuration_id),
        ("orders", "sink_builds", head.id),
    ];
    records.extend(bom_id.map(|id| ("orders", "boms", id)));
    let tasks = sqlx::query_scalar!("SELECT id FROM workflow.tasks WHERE build_id = $1", head.id)
        .fetch_all(&mut *conn)
        .await?;
    records.extend(tasks.into_iter().map(|id| ("workflow", "tasks", id)));
    for qc in checklists {
        records.push(("quality", "qc_checklists", qc.checklist.id));
        records.extend(
            qc.checklist
                .items
                .iter()
                .map(|item| ("quality", "qc_checklist_items", item.id)),
        );
        records.extend(
            qc.defects
                .iter()
                .map(|defect| ("quality", "qc_defects", defect.id)),
        );
    }
    Ok(records)
}
