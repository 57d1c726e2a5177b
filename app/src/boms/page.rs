use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use torvan::Action;
use torvan::DbEnum;
use torvan::bom::BomStatus;

use super::api::{
    ApproveBom, BomDetail, BomPageData, BomVersion, GenerateBom, MoveBom, VersionChanges, get_bom,
};
use super::tree::BomTree;
use crate::money::money;
use crate::shell::{Crumb, FormError, Loaded, Permitted, Trail, action_error, successes};

/// `/orders/:number/sinks/:build/bom?version=…`
#[component]
pub fn BomPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let actions = BomActions {
        generate: ServerAction::new(),
        status: ServerAction::new(),
        approve: ServerAction::new(),
    };
    let saved = actions.saves();
    let page = Resource::new(
        move || {
            let params = params.read();
            (
                params.get("number").unwrap_or_default(),
                params.get("build").unwrap_or_default(),
                query
                    .read()
                    .get("version")
                    .and_then(|version| version.parse().ok()),
                query.read().get("from").and_then(|from| from.parse().ok()),
                saved.get(),
            )
        },
        |(order_number, build_number, version, from, _)| {
            get_bom(order_number, build_number, version, from)
        },
    );
    view! {
        <Loaded resource=page loading="Loading the BOM…" render=move |page| view! { <Bom page actions/> }/>
    }
}

#[derive(Clone, Copy)]
struct BomActions {
    generate: ServerAction<GenerateBom>,
    status: ServerAction<MoveBom>,
    approve: ServerAction<ApproveBom>,
}

impl BomActions {
    /// A generation or a status change moves the page to the newest
    /// version's state.
    fn saves(&self) -> Signal<usize> {
        let counts = [
            successes(self.generate),
            successes(self.status),
            successes(self.approve),
        ];
        Signal::derive(move || counts.iter().map(|count| count.get()).sum())
    }
}

#[component]
fn Bom(page: BomPageData, actions: BomActions) -> impl IntoView {
    let order_href = format!("/orders/{}", page.order_number);
    let sink_href = format!("{order_href}/sinks/{}", page.build_number);
    let title = format!("BOM {} · {}", page.build_number, page.family);
    let base = format!("{sink_href}/bom");
    view! {
        <Title text=title.clone()/>
        <Trail
            trail=vec![
                Crumb::new("Orders", "/orders"),
                Crumb::new(&page.order_number, order_href),
                Crumb::new(&page.build_number, sink_href),
            ]
            current="BOM"
        />
        <h1>"Bill of materials"<span class="subtitle">{format!("{} · {}", page.build_number, page.family)}</span></h1>
        <Versions versions=page.versions.clone() base=base.clone() shown=page.shown.as_ref().map(|bom| bom.version)/>
        {match page.shown.clone() {
            Some(bom) => {
                let others: Vec<i32> = page.versions.iter().map(|version| version.version).filter(|&version| version != bom.version).collect();
                view! {
                    <Files base=base.clone() version=bom.version/>
                    <CompareForm base=base.clone() shown=bom.version others/>
                    {page.changes.clone().map(|changes| view! { <Changes changes/> })}
                    <Shown bom actions/>
                }.into_any()
            }
            None => view! { <p class="empty">"No BOM yet: it is generated when the configuration is approved."</p> }.into_any(),
        }}
        <Permitted on=torvan::Resource::Boms action=Action::Create clone:page>
            <GenerateForm order_number=page.order_number.clone() build_number=page.build_number.clone() action=actions.generate/>
        </Permitted>
    }
}

#[component]
fn Versions(versions: Vec<BomVersion>, base: String, shown: Option<i32>) -> impl IntoView {
    (!versions.is_empty()).then(|| view! {
        <section aria-labelledby="versions-heading">
            <h2 id="versions-heading">"Versions"</h2>
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">"Version"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Generated"</th>
                        <th scope="col">"Approved"</th>
                        <th scope="col" class="num">"Parts"</th>
                        <th scope="col" class="num">"Cost"</th>
                    </tr>
                </thead>
                <tbody>
                    {versions.into_iter().map(|version| {
                        let current = (Some(version.version) == shown).then_some("page");
                        let approved = version.approved.map(|(by, at)| format!("{by}, {}", at.format("%Y-%m-%d %H:%M")));
                        view! {
                            <tr data-version=version.version>
                                <td><a href=format!("{base}?version={}", version.version) aria-current=current>{format!("Version {}", version.version)}</a></td>
                                <td>{version.status.label()}</td>
                                <td>{format!("{}, {}", version.created_by, version.created_at.format("%Y-%m-%d %H:%M"))}</td>
                                <td>{approved}</td>
                                <td class="num">{version.parts_count}</td>
                                <td class="num">{money(version.total_cost)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    })
}

#[component]
fn Shown(bom: BomDetail, actions: BomActions) -> impl IntoView {
    let heading = format!("Version {} · {}", bom.version, bom.status.label());
    let id = bom.id;
    let status = bom.status;
    view! {
        <section aria-labelledby="bom-heading">
            <h2 id="bom-heading">{heading}</h2>
            <p class="hint">{format!("Generated from {}.", bom.generated_by)}</p>
            <dl class="totals" data-testid="bom-totals">
                <dt>"Parts"</dt><dd>{bom.parts_count}</dd>
                <dt>"Cost"</dt><dd>{money(bom.total_cost)}</dd>
                <dt>"Weight"</dt><dd>{format!("{} lb", bom.total_weight.normalize())}</dd>
            </dl>
            <Permitted on=torvan::Resource::Boms action=Action::Update>
                <StatusButtons id status actions/>
            </Permitted>
            <BomTree rows=bom.rows/>
        </section>
    }
}

#[component]
fn StatusButtons(id: uuid::Uuid, status: BomStatus, actions: BomActions) -> impl IntoView {
    let status_error = action_error(actions.status);
    let approve_error = action_error(actions.approve);
    let shortages = move || {
        actions.approve.value().get().and_then(Result::ok).filter(|short| !short.is_empty()).map(|short| view! {
            <div class="notice" role="status">
                <p>"Approved. These parts are short and were allocated as far as stock allows:"</p>
                <ul>{short.into_iter().map(|line| view! { <li>{line.to_string()}</li> }).collect_view()}</ul>
            </div>
        })
    };
    let moves = [
        (BomStatus::PendingApproval, "Submit for approval"),
        (BomStatus::Draft, "Send back to draft"),
    ];
    view! {
        <div class="actions">
            {moves.into_iter().filter(|(to, _)| status.can_move(*to)).map(|(to, label)| view! {
                <ActionForm action=actions.status attr:class="inline-form">
                    <input type="hidden" name="bom_id" value=id.to_string()/>
                    <input type="hidden" name="to" value=to.as_db_str()/>
                    <button type="submit" class="button">{label}</button>
                </ActionForm>
            }).collect_view()}
            {status.can_move(BomStatus::Approved).then(|| view! {
                <Permitted on=torvan::Resource::Boms action=Action::Approve>
                    <ApproveForms id action=actions.approve/>
                </Permitted>
            })}
        </div>
        <FormError error=status_error/>
        <FormError error=approve_error/>
        {shortages}
    }
}

#[component]
fn ApproveForms(id: uuid::Uuid, action: ServerAction<ApproveBom>) -> impl IntoView {
    [(false, "Approve and allocate stock"), (true, "Approve, allocating what is available")]
        .into_iter()
        .map(|(partial, label)| view! {
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="bom_id" value=id.to_string()/>
                <input type="hidden" name="partial" value=partial.to_string()/>
                <button type="submit" class=if partial { "button subtle" } else { "button" }>{label}</button>
            </ActionForm>
        })
        .collect_view()
}

#[component]
fn GenerateForm(
    order_number: String,
    build_number: String,
    action: ServerAction<GenerateBom>,
) -> impl IntoView {
    let error = action_error(action);
    view! {
        <section class="card narrow" aria-labelledby="generate-heading">
            <h2 id="generate-heading">"Generate a new version"</h2>
            <ActionForm action attr:class="form">
                <input type="hidden" name="order_number" value=order_number/>
                <input type="hidden" name="build_number" value=build_number/>
                <label for="generate-reason">"Why a new version"</label>
                <input id="generate-reason" name="reason" placeholder="e.g. template corrected"/>
                <crate::shell::FieldMessage error field="reason"/>
                <FormError error/>
                <button type="submit" class="button">"Generate BOM"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Files(base: String, version: i32) -> impl IntoView {
    view! {
        <p class="actions">
            <a class="button subtle" href=format!("{base}.csv?version={version}") rel="external" download="">"Download CSV"</a>
            <a class="button subtle" href=format!("{base}/print?version={version}")>"Print view"</a>
        </p>
    }
}

/// A plain GET form, so the comparison is a link that can be shared.
#[component]
fn CompareForm(base: String, shown: i32, others: Vec<i32>) -> impl IntoView {
    (!others.is_empty()).then(|| view! {
        <form method="get" action=base class="search-form" aria-label="Compare versions">
            <input type="hidden" name="version" value=shown/>
            <div class="field">
                <label for="compare-from">{format!("Compare version {shown} with")}</label>
                <select id="compare-from" name="from">
                    {others.into_iter().map(|version| view! { <option value=version>{format!("Version {version}")}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button subtle">"Compare"</button>
        </form>
    })
}

#[component]
fn Changes(changes: VersionChanges) -> impl IntoView {
    let heading = format!(
        "Changes from version {} to version {}",
        changes.from, changes.to
    );
    let quantity = |value: Option<rust_decimal::Decimal>| value.map(|value| value.to_string());
    let cost = |value: Option<rust_decimal::Decimal>| value.map(money);
    view! {
        <section aria-labelledby="changes-heading">
            <h2 id="changes-heading">{heading}</h2>
            {if changes.rows.is_empty() {
                view! { <p class="empty">"The two versions have the same lines."</p> }.into_any()
            } else {
                view! {
                    <table class="data-table" aria-label="Changes">
                        <thead>
                            <tr>
                                <th scope="col">"Change"</th>
                                <th scope="col">"Item"</th>
                                <th scope="col" class="num">"Quantity before"</th>
                                <th scope="col" class="num">"Quantity after"</th>
                                <th scope="col" class="num">"Unit cost before"</th>
                                <th scope="col" class="num">"Unit cost after"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {changes.rows.into_iter().map(|row| view! {
                                <tr data-change=row.kind.label()>
                                    <td>{row.kind.label()}</td>
                                    <td>{row.item}</td>
                                    <td class="num">{quantity(row.old_quantity)}</td>
                                    <td class="num">{quantity(row.new_quantity)}</td>
                                    <td class="num">{cost(row.old_unit_cost)}</td>
                                    <td class="num">{cost(row.new_unit_cost)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
