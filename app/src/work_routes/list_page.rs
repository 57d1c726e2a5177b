//! `/admin/routes`: every family's route in force (version, steps, who
//! saved it when), a link to edit it, and for a family without one, links
//! that start it from a copy of another family's.

use leptos::prelude::*;
use leptos_meta::Title;
use torvan::Action;

use super::api::list_routes;
use super::model::RouteSummary;
use crate::shell::{Loaded, PermittedPage};

/// `/admin/routes`
#[component]
pub fn RoutesPage() -> impl IntoView {
    let routes = Resource::new(|| (), |_| list_routes());
    view! {
        <PermittedPage on=torvan::Resource::BomTemplates action=Action::Read>
            <Title text="Routes"/>
            <h1>"Routes"</h1>
            <p class="hint">"A route is the steps every build of a family goes through on the shop floor. Saving writes the next version; an order entering production follows the version in force then, and its tasks keep it."</p>
            <Loaded resource=routes loading="Loading the routes…" render=move |routes| view! { <Routes routes/> }/>
        </PermittedPage>
    }
}

#[component]
fn Routes(routes: Vec<RouteSummary>) -> impl IntoView {
    let with_route: Vec<(String, String)> = routes
        .iter()
        .filter(|route| route.saved.is_some())
        .map(|route| (route.family_code.clone(), route.family.clone()))
        .collect();
    view! {
        <div class="table-scroll">
            <table class="data-table" aria-label="Routes">
                <thead>
                    <tr>
                        <th scope="col">"Family"</th>
                        <th scope="col" class="num">"Version"</th>
                        <th scope="col" class="num">"Steps"</th>
                        <th scope="col">"Saved by"</th>
                        <th scope="col">"Saved"</th>
                        <th scope="col"><span class="visually-hidden">"Edit"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {routes.into_iter().map(|route| {
                        let edit = crate::routes::route_editor(&route.family_code);
                        match route.saved {
                            Some(saved) => view! {
                                <tr>
                                    <td>{route.family.clone()}</td>
                                    <td class="num">{saved.version}</td>
                                    <td class="num">{saved.steps}</td>
                                    <td>{saved.by}</td>
                                    <td>{torvan::text::minute_utc(saved.at)}</td>
                                    <td><a href=edit aria-label=format!("Edit the {} route", route.family)>"Edit"</a></td>
                                </tr>
                            }.into_any(),
                            None => {
                                let copies = with_route.iter().map(|(code, name)| view! {
                                    <a href=crate::routes::route_from_copy(&route.family_code, code)>{format!("copy of {name}")}</a>" "
                                }).collect_view();
                                view! {
                                    <tr>
                                        <td>{route.family.clone()}</td>
                                        <td colspan="4" class="empty">"No route yet: orders of this family cannot enter production."</td>
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
