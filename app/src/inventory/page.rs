//! The inventory page: the part search, its filters and pages kept in the
//! address so a search can be bookmarked and shared.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;
use torvan::paging::Page;
use torvan::{DbEnum, MakeOrBuy, StockStatus};

use super::api::search_parts;
use super::catalogue::catalogue_children;
use super::model::{PartHit, PartSearch, SearchPage};
use crate::shell::{Loaded, Pager, Permitted};

const PAGE_SIZE: i64 = 50;

/// The search as the address bar holds it: `?q=drain&status=LOW_STOCK&make=B&page=2`.
/// Values that name nothing known are ignored, as a hand-edited address may.
fn from_query(query: &ParamsMap) -> PartSearch {
    let value = |key| query.get(key).filter(|value: &String| !value.is_empty());
    PartSearch {
        text: value("q").unwrap_or_default(),
        stock_status: value("status").and_then(|status| StockStatus::parse(&status).ok()),
        make_or_buy: value("make").and_then(|code| MakeOrBuy::parse(&code).ok()),
        page: Page::from_address(value("page").as_deref()).index(),
        page_size: PAGE_SIZE,
        category_id: value("category").and_then(|id| uuid::Uuid::parse_str(&id).ok()),
    }
}

fn to_query(search: &PartSearch, page: i64) -> String {
    let mut pairs = vec![("page", (page + 1).to_string())];
    if !search.text.is_empty() {
        pairs.push(("q", search.text.clone()));
    }
    if let Some(status) = search.stock_status {
        pairs.push(("status", status.as_db_str().to_owned()));
    }
    if let Some(code) = search.make_or_buy {
        pairs.push(("make", code.as_db_str().to_owned()));
    }
    if let Some(category) = search.category_id {
        pairs.push(("category", category.to_string()));
    }
    crate::routes::with_query("/inventory", &pairs)
}

#[component]
pub fn InventoryPage() -> impl IntoView {
    let query = use_query_map();
    let search = Memo::new(move |_| from_query(&query.read()));
    let results = Resource::new(move || search.get(), search_parts);

    view! {
        <Title text="Inventory"/>
        <h1>"Inventory"</h1>
        <nav class="toolbar" aria-label="Inventory">
            <a class="button subtle" href="/inventory/catalogue">"Catalogue"</a>
            <a class="button subtle" href="/inventory/reorder">"Reorder report"</a>
            <Permitted
                on=torvan::Resource::Inventory
                action=torvan::Action::Update
                otherwise=|| view! { <a class="button subtle" href="/inventory/transfer">"Export parts"</a> }
            >
                <a class="button subtle" href="/inventory/transfer">"Import and export"</a>
            </Permitted>
            <Permitted on=torvan::Resource::Inventory action=torvan::Action::Create>
                <a class="button" href="/inventory/parts/new">"New part"</a>
                <a class="button" href="/inventory/parts/new-custom">"New custom part"</a>
            </Permitted>
        </nav>
        <SearchForm search=search.get_untracked()/>
        <Loaded resource=results loading="Searching parts…" render=move |page| {
            view! { <Results page search=search.get_untracked()/> }
        }/>
    }
}

#[component]
fn SearchForm(search: PartSearch) -> impl IntoView {
    let status_options = StockStatus::ALL
        .iter()
        .map(|&status| {
            view! {
                <option value=status.as_db_str() selected=search.stock_status == Some(status)>
                    {status.label()}
                </option>
            }
        })
        .collect_view();
    let make_options = MakeOrBuy::ALL
        .iter()
        .map(|&code| {
            view! { <option value=code.as_db_str() selected=search.make_or_buy == Some(code)>{code.label()}</option> }
        })
        .collect_view();
    view! {
        <form method="get" action="/inventory" class="search-form" role="search">
            <div class="field">
                <label for="part-search">"Search parts"</label>
                <input id="part-search" type="search" name="q" value=search.text
                    placeholder="Part number or words, e.g. 710- or drain valve"/>
            </div>
            <div class="field">
                <label for="stock-status">"Stock status"</label>
                <select id="stock-status" name="status">
                    <option value="">"Any"</option>
                    {status_options}
                </select>
            </div>
            <div class="field">
                <label for="category">"Category"</label>
                <CategorySelect selected=search.category_id/>
            </div>
            <div class="field">
                <label for="make-or-buy">"Make or buy"</label>
                <select id="make-or-buy" name="make">
                    <option value="">"Either"</option>
                    {make_options}
                </select>
            </div>
            <button type="submit" class="button">"Search"</button>
        </form>
    }
}

/// The categories to filter by; until they load, only "Any".
#[component]
fn CategorySelect(selected: Option<uuid::Uuid>) -> impl IntoView {
    let categories = Resource::new(|| (), |_| catalogue_children(None, None));
    view! {
        <select id="category" name="category">
            <option value="">"Any"</option>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    categories
                        .await
                        .unwrap_or_default()
                        .into_iter()
                        .map(|node| {
                            let chosen = selected == Some(node.id);
                            view! { <option value=node.id.to_string() selected=chosen>{node.name}</option> }
                        })
                        .collect_view()
                })}
            </Suspense>
        </select>
    }
}

#[component]
fn Results(page: SearchPage, search: PartSearch) -> impl IntoView {
    let first = search.page * PAGE_SIZE;
    let shown = match page.total {
        0 => "No parts match.".to_owned(),
        total => format!(
            "Parts {}–{} of {total}",
            first + 1,
            first + page.hits.len() as i64
        ),
    };
    let (shown_page, total) = (search.page, page.total);
    let href = move |page| to_query(&search, page);

    view! {
        <p class="result-count" data-testid="result-count" data-total=page.total>{shown}</p>
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">"Part number"</th>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Category"</th>
                        <th scope="col" class="num">"On hand"</th>
                        <th scope="col" class="num">"Allocated"</th>
                        <th scope="col" class="num">"Available"</th>
                        <th scope="col" class="num">"Reorder point"</th>
                        <th scope="col">"Stock"</th>
                    </tr>
                </thead>
                <tbody>{page.hits.into_iter().map(|hit| view! { <HitRow hit/> }).collect_view()}</tbody>
            </table>
        </div>
        <Pager page=shown_page page_size=PAGE_SIZE total href/>
    }
}

#[component]
fn HitRow(hit: PartHit) -> impl IntoView {
    let badge = hit.stock_status.css_class();
    let key = hit.part_number.clone();
    let href = crate::routes::part(&hit.part_number);
    view! {
        <tr data-part-number=key>
            <td class="mono"><a href=href>{hit.part_number}</a></td>
            <td>{hit.name}</td>
            <td>{hit.category}</td>
            <td class="num">{hit.on_hand}</td>
            <td class="num">{hit.allocated}</td>
            <td class="num">{hit.available}</td>
            <td class="num">{hit.reorder_point}</td>
            <td><span class=badge>{hit.stock_status.label()}</span></td>
        </tr>
    }
}
