//! `/admin/bom-templates`: every family's templates in the order they are
//! tried, and the form that starts a new one and opens it in the editor.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;
use torvan::Action;

use super::api::{CreateTemplate, list_templates};
use super::model::{TemplateList, TemplateSummary};
use crate::shell::form::{Select, TextField};
use crate::shell::{FormError, Loaded, Permitted, PermittedPage, action_error};

/// `/admin/bom-templates`
#[component]
pub fn TemplatesPage() -> impl IntoView {
    let templates = Resource::new(|| (), |_| list_templates());
    view! {
        <PermittedPage on=torvan::Resource::BomTemplates action=Action::Read>
            <Title text="BOM templates"/>
            <h1>"BOM templates"</h1>
            <p class="hint">"Each family's templates are tried in priority order (lowest first); the first whose selection rule holds builds the BOM."</p>
            <Loaded resource=templates loading="Loading the templates…" render=move |list: TemplateList| {
                let families = list.families;
                view! {
                    <Templates templates=list.templates/>
                    <Permitted on=torvan::Resource::BomTemplates action=Action::Create clone:families>
                        <NewTemplate families=families.clone()/>
                    </Permitted>
                }
            }/>
        </PermittedPage>
    }
}

/// Starts an empty, inactive template and opens it in the editor.
#[component]
fn NewTemplate(families: Vec<(String, String)>) -> impl IntoView {
    let create = ServerAction::<CreateTemplate>::new();
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(id)) = create.value().get() {
            navigate(&crate::routes::bom_template(id), Default::default());
        }
    });
    let error = action_error(create);
    view! {
        <section class="card narrow" aria-labelledby="new-template-heading">
            <h2 id="new-template-heading">"New template"</h2>
            <ActionForm action=create attr:class="form">
                <FormError error/>
                <Select id="new-template-family" name="family" label="Family" field="family" error
                    options=families/>
                <TextField id="new-template-name" name="name" label="Template name" field="name" error/>
                <button type="submit" class="button">"Create template"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Templates(templates: Vec<TemplateSummary>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="data-table" aria-label="BOM templates">
                <thead>
                    <tr>
                        <th scope="col">"Family"</th>
                        <th scope="col">"Template"</th>
                        <th scope="col">"Version"</th>
                        <th scope="col" class="num">"Priority"</th>
                        <th scope="col">"Selection rule"</th>
                        <th scope="col" class="num">"Lines"</th>
                        <th scope="col">"Active"</th>
                    </tr>
                </thead>
                <tbody>
                    {templates.into_iter().map(|template| view! {
                        <tr>
                            <td>{template.family}</td>
                            <td><a href=crate::routes::bom_template(template.id)>{template.name}</a></td>
                            <td>{template.version}</td>
                            <td class="num">{template.priority}</td>
                            <td class="mono">{if template.rule.is_empty() { "(any configuration)".to_owned() } else { template.rule }}</td>
                            <td class="num">{template.lines}</td>
                            <td>{if template.active { "Yes" } else { "No" }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
