//! A group's page: its children, the form that adds one under it, and the
//! form that edits it.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use torvan::{Action, CatalogueLevel, DbEnum, PartStatus};
use uuid::Uuid;

use super::api::{SaveGroup, catalogue_group};
use super::crumbs::Breadcrumbs;
use super::model::{CatalogueNode, GroupDetail};
use crate::error::AppError;
use crate::shell::form::{self, Form, Input};
use crate::shell::{FormError, Loaded, Permitted, action_error, successes};

/// `/inventory/catalogue/:level/:id`: a category, assembly or sub-assembly.
#[component]
pub fn GroupPage() -> impl IntoView {
    let params = use_params_map();
    let save = ServerAction::<SaveGroup>::new();
    let add = ServerAction::<SaveGroup>::new();
    let (saved, added) = (successes(save), successes(add));
    let group = Resource::new(
        move || {
            let params = params.read();
            let level = params
                .get("level")
                .and_then(|slug| CatalogueLevel::from_slug(&slug));
            let id = params.get("id").and_then(|id| Uuid::parse_str(&id).ok());
            (level.zip(id), saved.get() + added.get())
        },
        |(key, _)| async move {
            let (level, id) = key.ok_or(crate::error::AppError::NotFound)?;
            catalogue_group(level, id).await
        },
    );
    view! {
        <Loaded resource=group loading="Loading…" render=move |group| view! { <Group group save add/> }/>
    }
}

#[component]
fn Group(
    group: GroupDetail,
    save: ServerAction<SaveGroup>,
    add: ServerAction<SaveGroup>,
) -> impl IntoView {
    let node = group.node.clone();
    let title = format!("{} {}", node.key, node.name);
    let heading = format!("{} {}", node.level.label(), node.key);
    let child_level = node.level.child();
    let place = group.place.clone();
    let description = group.description.clone();
    let parent = node.id;
    view! {
        <Title text=title.clone()/>
        <Breadcrumbs trail=group.trail current=node.key.clone()/>
        <h1>{heading}<span class="subtitle">{node.name.clone()}</span></h1>
        {(!group.description.is_empty()).then(|| view! { <p>{group.description}</p> })}
        <p><span class="badge">{node.status.label()}</span></p>
        <Children nodes=group.children level=child_level/>
        <Permitted on=torvan::Resource::Inventory action=Action::Create clone:place>
            <AddChild level=child_level parent place=place.clone() action=add/>
        </Permitted>
        <Permitted on=torvan::Resource::Inventory action=Action::Update clone:node clone:description>
            <EditGroupForm node=node.clone() description=description.clone() action=save/>
        </Permitted>
    }
}

#[component]
fn Children(nodes: Vec<CatalogueNode>, level: Option<CatalogueLevel>) -> impl IntoView {
    let Some(level) = level else {
        return ().into_any();
    };
    let heading = match level {
        CatalogueLevel::Assembly => "Assemblies",
        CatalogueLevel::SubAssembly => "Sub-assemblies",
        _ => "Parts",
    };
    if nodes.is_empty() {
        return view! { <h2>{heading}</h2><p class="empty">"Nothing here yet."</p> }.into_any();
    }
    view! {
        <h2>{heading}</h2>
        <div class="table-scroll">
            <table class="data-table">
                <thead><tr>
                    <th scope="col">"Number"</th><th scope="col">"Name"</th>
                    <th scope="col">"Status"</th><th scope="col" class="num">"Parts"</th>
                </tr></thead>
                <tbody>
                    {nodes.into_iter().map(|node| {
                        let parts = if node.level == CatalogueLevel::Part { String::new() } else { node.parts.to_string() };
                        let key = node.key.clone();
                        view! {
                            <tr data-key=key>
                                <th scope="row"><a href=node.href>{node.key}</a></th>
                                <td>{node.name}</td>
                                <td>{node.stock_status.map_or(node.status.label(), |stock| stock.label())}</td>
                                <td class="num">{parts}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Where to add what belongs under this group: a form for groups, a link
/// to the part form for parts.
#[component]
fn AddChild(
    level: Option<CatalogueLevel>,
    parent: Uuid,
    place: Option<String>,
    action: ServerAction<SaveGroup>,
) -> impl IntoView {
    match (level, place) {
        (Some(CatalogueLevel::Part), Some(place)) => {
            let href = crate::routes::with_query("/inventory/parts/new", &[("place", place)]);
            view! { <p><a class="button" href=href>"New part here"</a></p> }.into_any()
        }
        (Some(child), _) => {
            view! { <NewGroupForm level=child parent=Some(parent) action/> }.into_any()
        }
        (None, _) => ().into_any(),
    }
}

fn key_label(level: CatalogueLevel) -> &'static str {
    if level == CatalogueLevel::Category {
        "Code"
    } else {
        "Part number"
    }
}

/// A group form's fields named `group[…]`, ids `{id}-{field}`, each text
/// field's limit the one `level` keeps.
fn group_form(id: String, level: CatalogueLevel, error: Signal<Option<AppError>>) -> Form {
    Form::new(id, "group", error, move |field| level.text_limit(field))
}

/// Adds a category (at the top) or a child of the group shown.
#[component]
pub fn NewGroupForm(
    level: CatalogueLevel,
    parent: Option<Uuid>,
    #[prop(optional)] action: Option<ServerAction<SaveGroup>>,
) -> impl IntoView {
    let action = action.unwrap_or_default();
    let error = action_error(action);
    if level == CatalogueLevel::Category {
        Effect::new(move || {
            if let Some(Ok(id)) = action.value().get() {
                crate::shell::hard_navigate(&crate::routes::catalogue_group(
                    CatalogueLevel::Category,
                    id,
                ));
            }
        });
    }
    let heading = format!("New {}", level.label().to_lowercase());
    let form = group_form(format!("new-{}", level.slug()), level, error);
    let required = Input::LINE.required();
    view! {
        <section class="card narrow" aria-label=heading.clone()>
            <h2>{heading.clone()}</h2>
            <ActionForm action attr:class="form">
                <FormError error/>
                <input type="hidden" name="level" value=level.depth()/>
                {parent.map(|parent| view! { <input type="hidden" name="parent" value=parent.to_string()/> })}
                <input type="hidden" name=form.name_of("status") value=PartStatus::Active.as_db_str()/>
                {form.input("key", key_label(level), String::new(), required)}
                {form.input("name", "Name", String::new(), required)}
                {form.text_area("description", "Description", String::new())}
                <button type="submit" class="button">{format!("Add {}", level.label().to_lowercase())}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn EditGroupForm(
    node: CatalogueNode,
    description: String,
    action: ServerAction<SaveGroup>,
) -> impl IntoView {
    let error = action_error(action);
    let level = node.level;
    let form = group_form("group".to_owned(), level, error);
    let required = Input::LINE.required();
    view! {
        <section class="card narrow" aria-label="Edit">
            <h2>"Edit"</h2>
            <ActionForm action attr:class="form">
                <FormError error/>
                <input type="hidden" name="level" value=level.depth()/>
                <input type="hidden" name="id" value=node.id.to_string()/>
                {form.input("key", key_label(level), node.key, required)}
                {form.input("name", "Name", node.name, required)}
                {form.input("description", "Description", description, Input::area(3))}
                {form.select("status", "Status", form::choices(PartStatus::label), node.status.as_db_str().to_owned())}
                <button type="submit" class="button">"Save changes"</button>
            </ActionForm>
        </section>
    }
}
