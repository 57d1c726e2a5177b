//! `/admin/qc-templates`: every family's pre-QC and final-QC template in
//! force (version, items, review, who saved it when), a link to edit it,
//! and for a family and phase without one, links that start it empty or
//! from a copy of another family's for the same phase.

use leptos::prelude::*;
use leptos_meta::Title;
use torvan::Action;

use super::api::list_qc_templates;
use super::model::QcTemplateSummary;
use crate::shell::{Loaded, PermittedPage};

/// `/admin/qc-templates`
#[component]
pub fn QcTemplatesPage() -> impl IntoView {
    let templates = Resource::new(|| (), |_| list_qc_templates());
    view! {
        <PermittedPage on=torvan::Resource::BomTemplates action=Action::Read>
            <Title text="QC templates"/>
            <h1>"QC templates"</h1>
            <p class="hint">"A family's pre-QC and final-QC checklists are the checks every build of the family gets. Saving writes the next version; a build entering the phase gets the version in force then, and its checklist keeps it."</p>
            <Loaded resource=templates loading="Loading the QC templates…" render=move |templates| view! { <Templates templates/> }/>
        </PermittedPage>
    }
}

#[component]
fn Templates(templates: Vec<QcTemplateSummary>) -> impl IntoView {
    let with_template: Vec<(String, String, torvan::quality::QcPhase)> = templates
        .iter()
        .filter(|template| template.saved.is_some())
        .map(|template| {
            (
                template.family_code.clone(),
                template.family.clone(),
                template.phase,
            )
        })
        .collect();
    view! {
        <div class="table-scroll">
            <table class="data-table" aria-label="QC templates">
                <thead>
                    <tr>
                        <th scope="col">"Family"</th>
                        <th scope="col">"Phase"</th>
                        <th scope="col" class="num">"Version"</th>
                        <th scope="col" class="num">"Items"</th>
                        <th scope="col">"Review"</th>
                        <th scope="col">"Saved by"</th>
                        <th scope="col">"Saved"</th>
                        <th scope="col"><span class="visually-hidden">"Edit"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {templates.into_iter().map(|template| {
                        let edit = crate::routes::qc_template_editor(&template.family_code, template.phase);
                        let phase = template.phase.label();
                        match template.saved {
                            Some(saved) => view! {
                                <tr>
                                    <td>{template.family.clone()}</td>
                                    <td>{phase}</td>
                                    <td class="num">{saved.version}</td>
                                    <td class="num">{saved.items}</td>
                                    <td>{if saved.review_required { "Second person" } else { "None" }}</td>
                                    <td>{saved.by}</td>
                                    <td>{torvan::text::minute_utc(saved.at)}</td>
                                    <td><a href=edit aria-label=format!("Edit the {} {} checklist", template.family, phase)>"Edit"</a></td>
                                </tr>
                            }.into_any(),
                            None => {
                                let copies = with_template
                                    .iter()
                                    .filter(|(_, _, other)| *other == template.phase)
                                    .map(|(code, name, _)| view! {
                                        <a href=crate::routes::qc_template_from_copy(&template.family_code, template.phase, code)>{format!("copy of {name}")}</a>" "
                                    })
                                    .collect_view();
                                view! {
                                    <tr>
                                        <td>{template.family.clone()}</td>
                                        <td>{phase}</td>
                                        <td colspan="5" class="empty">"No checklist yet: orders of this family cannot enter this phase."</td>
                                        <td>"Start: "<a href=edit>"empty"</a>" "{copies}</td>
                                    </tr>
                                }.into_any()
                            }
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
