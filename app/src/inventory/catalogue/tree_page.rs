//! The catalogue tree page: categories at the top, each group expanded on
//! demand.

use leptos::prelude::*;
use leptos_meta::Title;
use torvan::plural::count;
use torvan::{Action, CatalogueLevel, PartStatus};

use super::api::catalogue_children;
use super::group_page::NewGroupForm;
use super::model::CatalogueNode;
use crate::shell::{Crumb, Loaded, Permitted, Trail};

#[component]
pub fn CataloguePage() -> impl IntoView {
    let roots = Resource::new(|| (), |_| catalogue_children(None, None));
    view! {
        <Title text="Catalogue"/>
        <Trail trail=vec![Crumb::new("Inventory", "/inventory")] current="Catalogue"/>
        <h1>"Catalogue"</h1>
        <p class="hint">"Categories, assemblies, sub-assemblies and parts. Open a branch to see what is in it."</p>
        <Loaded resource=roots loading="Loading the catalogue…" render=|nodes| view! { <Branch nodes/> }/>
        <Permitted on=torvan::Resource::Inventory action=Action::Create>
            <NewGroupForm level=CatalogueLevel::Category parent=None/>
        </Permitted>
    }
}

#[component]
fn Branch(nodes: Vec<CatalogueNode>) -> impl IntoView {
    view! {
        <ul class="tree">
            {nodes.into_iter().map(|node| view! { <TreeNode node/> }).collect_view()}
        </ul>
    }
}

/// One entry; its children are fetched the first time it is opened.
#[component]
fn TreeNode(node: CatalogueNode) -> impl IntoView {
    let open = RwSignal::new(false);
    let (level, id) = (node.level, node.id);
    let children = Resource::new(
        move || open.get(),
        move |open| async move {
            if open {
                catalogue_children(Some(level), Some(id)).await
            } else {
                Ok(Vec::new())
            }
        },
    );
    let expandable = node.level != CatalogueLevel::Part && node.children > 0;
    let toggle_label = format!("{} {}", if expandable { "Open" } else { "" }, node.name);
    let toggle = expandable.then(|| {
        view! {
            <button type="button" class="tree-toggle" aria-expanded=move || open.get().to_string()
                aria-label=toggle_label.trim().to_owned() on:click=move |_| open.update(|open| *open = !*open)>
                {move || if open.get() { "▾" } else { "▸" }}
            </button>
        }
    });
    let counts = counts(&node);
    let status = (node.status != PartStatus::Active)
        .then(|| view! { <span class="badge muted">{node.status.label()}</span> });
    let stock = node.stock_status.map(|stock| {
        view! { <span class=stock.css_class()>{stock.label()}</span> }
    });
    let key = node.key.clone();
    view! {
        <li class="tree-node" data-key=key>
            <div class="tree-row">
                {toggle}
                <a href=node.href>
                    <span class="tree-key">{node.key}</span>" "{node.name}
                </a>
                <span class="tree-counts">{counts}</span>
                {status}
                {stock}
            </div>
            <Show when=move || open.get()>
                <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
                    {move || children.get().map(|result| match result {
                        Ok(nodes) => view! { <Branch nodes/> }.into_any(),
                        Err(error) => view! { <p class="form-error" role="alert">{error.to_string()}</p> }.into_any(),
                    })}
                </Transition>
            </Show>
        </li>
    }
}

fn counts(node: &CatalogueNode) -> String {
    let child = node.level.child().map(|level| level.label().to_lowercase());
    match (node.level, child) {
        (CatalogueLevel::Part, _) | (_, None) => String::new(),
        (CatalogueLevel::SubAssembly, _) => plural(node.parts, "part"),
        (_, Some(child)) => format!(
            "{} · {}",
            plural(node.children, &child),
            plural(node.parts, "part")
        ),
    }
}

fn plural(number: i64, noun: &str) -> String {
    count(number, noun, &format!("{noun}s"))
}
