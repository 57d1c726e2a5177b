//! `/builds/:build`: a build's production record, read top to bottom as a
//! regulator would: who it is for, the configuration as approved, the BOM
//! version, what went into it (lots and serials), every task, every QC
//! checklist, the status history with the release signatures, and whether
//! the audit trail's rows about these records still match their hashes.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::{CorrectBuildRecord, RecordSerialPlate, get_build_record};
use super::model::{AuditRecord, BuildRecord, ConfigurationRecord, RecordPage};
use super::plate_form::PlateForm;
use super::revisions::RevisionsSection;
use super::sections::{BomSection, MaterialsSection, QcSection, TasksSection};
use crate::orders::detail::StatusChange;
use crate::shell::{Loaded, PrintButton, successes};
use crate::signatures::Signatures;

#[component]
pub fn BuildRecordPage() -> impl IntoView {
    let params = use_params_map();
    let correct = ServerAction::<CorrectBuildRecord>::new();
    let corrected = successes(correct);
    let plate = ServerAction::<RecordSerialPlate>::new();
    let plated = successes(plate);
    // The counts of changes are part of the key: a resource whose key did
    // not change does not load again.
    let page = Resource::new(
        move || {
            (
                params.read().get("build").unwrap_or_default(),
                corrected.get(),
                plated.get(),
            )
        },
        |(build, _, _)| get_build_record(build),
    );
    view! {
        <Loaded resource=page loading="Loading the production record…" render=move |page| view! { <Record page correct plate/> }/>
    }
}

#[component]
fn Record(
    page: RecordPage,
    correct: ServerAction<CorrectBuildRecord>,
    plate: ServerAction<RecordSerialPlate>,
) -> impl IntoView {
    let RecordPage { record, revisions } = page;
    let title = format!("Production record {}", record.build_number);
    view! {
        <Title text=title/>
        <div class="print-sheet production-record" data-build=record.build_number.clone()>
            <h1>"Production record"<span class="subtitle">{record.build_number.clone()}</span></h1>
            <p class="no-print">
                <a class="button subtle" href=crate::routes::build_record_pdf(&record.build_number) download>"Download PDF"</a>
                " "
                <a class="button subtle" href=crate::routes::unit_label(&record.build_number)>"Unit label"</a>
            </p>
            <PrintButton/>
            <Summary record=record.clone()/>
            {record.may_record_plate.then(|| view! {
                <PlateForm build_number=record.build_number.clone() current=record.serial_number.clone() action=plate/>
            })}
            <Configuration configuration=record.configuration/>
            <BomSection bom=record.bom/>
            <MaterialsSection materials=record.materials/>
            <TasksSection tasks=record.tasks/>
            <QcSection checklists=record.checklists linked=record.may_open_qc/>
            <Timeline changes=record.timeline signatures=record.order_signatures/>
            <Audit audit=record.audit/>
            <crate::documents::DocumentsPanel attached=torvan::document::Attachment::Build to=record.build_number.clone()/>
            <RevisionsSection build_number=record.build_number.clone() revisions correct/>
        </div>
    }
}

#[component]
fn Summary(record: BuildRecord) -> impl IntoView {
    view! {
        <dl class="properties record-summary">
            <div><dt>"Build"</dt><dd data-testid="record-build">{record.build_number}</dd></div>
            <div><dt>"Serial number"</dt><dd data-testid="record-serial">{record.serial_number.unwrap_or_else(|| "Serial plate not recorded yet".into())}</dd></div>
            <div><dt>"Unit"</dt><dd>{record.unit} " of " {record.units} " (configuration " {record.configuration_number} ")"</dd></div>
            <div><dt>"Order"</dt><dd><a href=crate::routes::order(&record.order_number)>{record.order_number.clone()}</a></dd></div>
            <div><dt>"Customer"</dt><dd>{record.customer}</dd></div>
            <div><dt>"Customer PO"</dt><dd>{record.customer_po_number.unwrap_or_else(|| "—".into())}</dd></div>
            <div><dt>"Order status"</dt><dd>{record.order_status.label()}</dd></div>
            <div><dt>"Shipped"</dt><dd>{record.shipped_on.unwrap_or_else(|| "Not shipped".into())}</dd></div>
        </dl>
    }
}

#[component]
fn Configuration(configuration: ConfigurationRecord) -> impl IntoView {
    let stamp = |text: Option<String>| text.unwrap_or_else(|| "—".into());
    view! {
        <section class="record-section" aria-labelledby="record-configuration">
            <h2 id="record-configuration">"Configuration as approved: " {configuration.family}</h2>
            <dl class="properties">
                {configuration.lines.into_iter().map(|(label, value)| view! {
                    <div><dt>{label}</dt><dd>{value}</dd></div>
                }).collect_view()}
                <div><dt>"Validated"</dt><dd>{stamp(configuration.validated)}</dd></div>
                <div><dt>"Approved"</dt><dd>{stamp(configuration.approved)}</dd></div>
            </dl>
            <Signatures signatures=configuration.signatures/>
        </section>
    }
}

#[component]
fn Timeline(
    changes: Vec<StatusChange>,
    signatures: Vec<crate::signatures::ShownSignature>,
) -> impl IntoView {
    view! {
        <section class="record-section" aria-labelledby="record-timeline">
            <h2 id="record-timeline">"Order status history"</h2>
            <table class="data-table record-table">
                <thead><tr>
                    <th scope="col">"When"</th><th scope="col">"From"</th><th scope="col">"To"</th>
                    <th scope="col">"By"</th><th scope="col">"Reason"</th>
                </tr></thead>
                <tbody>
                    {changes.into_iter().map(|change| view! {
                        <tr>
                            <td class="nowrap">{change.at}</td>
                            <td>{change.from.map_or("—", |from| from.label())}</td>
                            <td>{change.to.label()}</td>
                            <td>{change.by}</td>
                            <td>{change.reason.unwrap_or_default()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <Signatures signatures/>
        </section>
    }
}

#[component]
fn Audit(audit: AuditRecord) -> impl IntoView {
    let verdict = if audit.all_intact() {
        format!(
            "All {} audit trail rows about this build's records match the hashes they were written with.",
            audit.rows
        )
    } else {
        format!(
            "{} of {} audit trail rows about this build's records no longer match their hashes: report this to the quality manager.",
            audit.rows - audit.intact,
            audit.rows
        )
    };
    let class = if audit.all_intact() {
        ""
    } else {
        "field-error"
    };
    view! {
        <section class="record-section" aria-labelledby="record-audit">
            <h2 id="record-audit">"Audit trail"</h2>
            <p class=class data-testid="record-audit">{verdict}</p>
            <p>"Whole chain last verified: " {audit.last_chain_verification.unwrap_or_else(|| "never".into())}</p>
        </section>
    }
}
