//! The production record's longer sections: the BOM version's lines, the
//! stock issued with its lots and serials, the tasks, and each QC
//! checklist with its readings against their tolerances, photos, defects
//! and signatures. Read-only tables, laid out to print.

use leptos::prelude::*;

use super::model::{BomRecord, IssuedMaterial, QcRecord, TaskRecord};
use crate::quality::{DefectView, ItemView};
use crate::signatures::Signatures;

fn dash(text: Option<String>) -> String {
    text.unwrap_or_else(|| "—".into())
}

#[component]
pub fn BomSection(bom: Option<BomRecord>) -> impl IntoView {
    let Some(bom) = bom else {
        return view! {
            <section class="record-section" aria-labelledby="record-bom">
                <h2 id="record-bom">"Bill of materials"</h2>
                <p class="empty">"No BOM was generated for this build."</p>
            </section>
        }
        .into_any();
    };
    view! {
        <section class="record-section" aria-labelledby="record-bom">
            <h2 id="record-bom">"Bill of materials, version " {bom.version}</h2>
            <p>{bom.status} " · approved: " {dash(bom.approved)}</p>
            <Signatures signatures=bom.signatures/>
            <table class="data-table record-table record-bom" data-testid="record-bom">
                <thead><tr>
                    <th scope="col" class="num">"Line"</th><th scope="col">"Part"</th>
                    <th scope="col">"Name"</th><th scope="col" class="num">"Quantity"</th>
                </tr></thead>
                <tbody>
                    {bom.lines.into_iter().map(|line| {
                        // Indented by class, as the BOM page does: the page's
                        // policy allows no inline style.
                        let depth = format!("depth-{}", line.depth.min(8));
                        view! {
                            <tr class=depth>
                                <td class="num">{line.line_number}</td>
                                <td>{line.part_number.unwrap_or_default()}</td>
                                <td class="item">{line.name}</td>
                                <td class="num">{line.quantity}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
    .into_any()
}

#[component]
pub fn MaterialsSection(materials: Vec<IssuedMaterial>) -> impl IntoView {
    let body = if materials.is_empty() {
        view! { <p class="empty">"No stock has been issued to this build."</p> }.into_any()
    } else {
        view! {
            <table class="data-table record-table" data-testid="record-materials">
                <thead><tr>
                    <th scope="col">"Part"</th><th scope="col">"Name"</th><th scope="col">"Lot"</th>
                    <th scope="col">"Serial numbers"</th><th scope="col" class="num">"Quantity"</th>
                    <th scope="col">"Issued"</th><th scope="col">"By"</th><th scope="col">"For"</th>
                </tr></thead>
                <tbody>
                    {materials.into_iter().map(|line| view! {
                        <tr>
                            <td><a href=crate::routes::part(&line.part_number)>{line.part_number.clone()}</a></td>
                            <td>{line.name}</td>
                            <td>{match line.lot {
                                Some((id, number)) => view! { <a href=crate::routes::lot(id)>{number}</a> }.into_any(),
                                None => "—".into_any(),
                            }}</td>
                            <td>{if line.serials.is_empty() { "—".to_owned() } else { line.serials.join(", ") }}</td>
                            <td class="num">{line.quantity}</td>
                            <td class="nowrap">{line.issued}</td>
                            <td>{dash(line.by)}</td>
                            <td>{line.task.unwrap_or_else(|| "The whole BOM".into())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="record-section" aria-labelledby="record-materials">
            <h2 id="record-materials">"Materials issued, with lots and serial numbers"</h2>
            {body}
        </section>
    }
}

#[component]
pub fn TasksSection(tasks: Vec<TaskRecord>) -> impl IntoView {
    let body = if tasks.is_empty() {
        view! { <p class="empty">"No task was generated for this build."</p> }.into_any()
    } else {
        view! {
            <table class="data-table record-table" data-testid="record-tasks">
                <thead><tr>
                    <th scope="col">"Task"</th><th scope="col">"Step"</th><th scope="col">"Work center"</th>
                    <th scope="col">"Status"</th><th scope="col">"Done by"</th><th scope="col">"Started"</th>
                    <th scope="col">"Completed"</th><th scope="col" class="num">"Minutes"</th>
                </tr></thead>
                <tbody>
                    {tasks.into_iter().map(|task| {
                        let people = if task.worked_by.is_empty() {
                            dash(task.assignee)
                        } else {
                            task.worked_by.join(", ")
                        };
                        view! {
                            <tr>
                                <td><a href=crate::routes::task(&task.number)>{task.number.clone()}</a></td>
                                <td>{task.title}</td>
                                <td>{task.work_center}</td>
                                <td>{task.status.label()}</td>
                                <td>{people}</td>
                                <td class="nowrap">{dash(task.started)}</td>
                                <td class="nowrap">{dash(task.completed)}</td>
                                <td class="num">{task.minutes}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="record-section" aria-labelledby="record-tasks">
            <h2 id="record-tasks">"Tasks"</h2>
            {body}
        </section>
    }
}

/// `linked`: whether the reader may open the checklists and photos.
#[component]
pub fn QcSection(checklists: Vec<QcRecord>, linked: bool) -> impl IntoView {
    let body = if checklists.is_empty() {
        view! { <p class="empty">"No QC checklist has been opened for this build."</p> }.into_any()
    } else {
        checklists
            .into_iter()
            .map(|qc| view! { <Checklist qc linked/> })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="record-section" aria-labelledby="record-qc">
            <h2 id="record-qc">"Quality control"</h2>
            {body}
        </section>
    }
}

#[component]
fn Checklist(qc: QcRecord, linked: bool) -> impl IntoView {
    let checklist = qc.checklist;
    let reviewed = checklist
        .reviewed
        .map(|(by, at)| format!("Reviewed by {by}, {}", torvan::text::minute_utc(at)));
    let phase = checklist.phase.label();
    let heading = if linked {
        let href = crate::routes::checklist(&checklist.build_number, checklist.phase);
        view! { <a href=href>{phase}</a> }.into_any()
    } else {
        phase.into_any()
    };
    view! {
        <article class="record-checklist" data-testid="record-checklist">
            <h3>{heading} " · " {checklist.status.label()}
                " · round " {checklist.round} " · template v" {checklist.template_version}</h3>
            <p>"Inspector: " {dash(checklist.inspector)} {reviewed.map(|text| format!(" · {text}"))}</p>
            <table class="data-table record-table">
                <thead><tr>
                    <th scope="col" class="num">"#"</th><th scope="col">"Check"</th>
                    <th scope="col">"Tolerance"</th><th scope="col">"Measured"</th>
                    <th scope="col">"Result"</th><th scope="col">"Recorded"</th><th scope="col">"Photos"</th>
                </tr></thead>
                <tbody>{checklist.items.into_iter().map(|item| view! { <Item item linked/> }).collect_view()}</tbody>
            </table>
            <Defects defects=qc.defects/>
            <Signatures signatures=checklist.signatures/>
        </article>
    }
}

#[component]
fn Item(item: ItemView, linked: bool) -> impl IntoView {
    let tolerance = item.tolerance_text();
    let measured = item.measured_text();
    let photos = if linked {
        item.photos
            .iter()
            .map(|photo| {
                view! {
                    <a href=crate::routes::qc_photo(photo.id)>
                        <img class="record-photo" src=crate::routes::qc_photo_thumbnail(photo.id)
                            alt=format!("Photo of check {} by {}", item.number, photo.taken_by) loading="lazy"/>
                    </a>
                }
            })
            .collect_view()
            .into_any()
    } else {
        (!item.photos.is_empty())
            .then(|| format!("{} photos", item.photos.len()))
            .into_any()
    };
    view! {
        <tr>
            <td class="num">{item.number}</td>
            <td>{item.description}{item.comment.map(|comment| view! { <span class="muted block">{comment}</span> })}</td>
            <td>{dash(tolerance)}</td>
            <td>{dash(measured)}</td>
            <td>{item.result.map_or("Open", |result| result.label())}</td>
            <td class="nowrap">{dash(item.recorded)}</td>
            <td>{photos}</td>
        </tr>
    }
}

#[component]
fn Defects(defects: Vec<DefectView>) -> impl IntoView {
    (!defects.is_empty()).then(|| {
        view! {
            <h4>"Defects"</h4>
            <table class="data-table record-table" data-testid="record-defects">
                <thead><tr>
                    <th scope="col">"Defect"</th><th scope="col">"Check"</th><th scope="col">"Severity"</th>
                    <th scope="col">"Status"</th><th scope="col">"Description"</th><th scope="col">"Resolution"</th>
                </tr></thead>
                <tbody>
                    {defects.into_iter().map(|defect| {
                        let resolution = [defect.corrective_action, defect.resolution_notes]
                            .into_iter()
                            .chain(defect.waiver_reason.map(|reason| format!("Waived: {reason}")))
                            .filter(|text| !text.is_empty())
                            .collect::<Vec<_>>()
                            .join(" · ");
                        view! {
                            <tr>
                                <td>{defect.number}</td>
                                <td>{defect.item_number} " " {defect.item_description}</td>
                                <td>{defect.severity.label()}</td>
                                <td>{defect.status.label()}</td>
                                <td>{defect.description}</td>
                                <td>{resolution}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}
