use leptos::prelude::*;
use leptos_meta::Title;

use super::api::{TemplateSummary, list_templates};
use crate::shell::Loaded;

/// `/admin/bom-templates`
#[component]
pub fn TemplatesPage() -> impl IntoView {
    let templates = Resource::new(|| (), |_| list_templates());
    view! {
        <Title text="BOM templates"/>
        <h1>"BOM templates"</h1>
        <p class="hint">"Each family's templates are tried in priority order (lowest first); the first whose selection rule holds builds the BOM."</p>
        <Loaded resource=templates loading="Loading the templates…" render=move |templates| view! { <Templates templates/> }/>
    }
}

#[component]
fn Templates(templates: Vec<TemplateSummary>) -> impl IntoView {
    view! {
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
                        <td><a href=format!("/admin/bom-templates/{}", template.id)>{template.name}</a></td>
                        <td>{template.version}</td>
                        <td class="num">{template.priority}</td>
                        <td class="mono">{if template.rule.is_empty() { "(any configuration)".to_owned() } else { template.rule }}</td>
                        <td class="num">{template.lines}</td>
                        <td>{if template.active { "Yes" } else { "No" }}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
