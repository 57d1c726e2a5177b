//! `/orders/:number/sinks/:build/bom`: a build's BOM versions and the one
//! shown, with its totals, shortages, tree and stock movements. Every action
//! reloads the page's data once it succeeds, so what is shown is what the
//! server holds.

use leptos::prelude::*;
use leptos_meta::Title;
use torvan::audit::AuditedTable;
use torvan::bom::BomStatus;
use torvan::{Action, DbEnum};

use super::actions::{GenerateForm, StatusButtons};
use super::address::addressed;
use super::api::{ApproveBom, GenerateBom, IssueBom, MoveBom, WithdrawBom, get_bom};
use super::changes::{Changes, CompareForm, Files};
use super::model::{BomDetail, BomMovement, BomPageData, BomVersion, PartShortage};
use super::tree::BomTree;
use crate::audit::HistoryLink;
use crate::money::money;
use crate::shell::{Crumb, Loaded, Permitted, Trail, successes};
use crate::signatures::Signatures;

/// `/orders/:number/sinks/:build/bom?version=…`
#[component]
pub fn BomPage() -> impl IntoView {
    let actions = BomActions {
        generate: ServerAction::new(),
        status: ServerAction::new(),
        approve: ServerAction::new(),
        withdraw: ServerAction::new(),
        issue: ServerAction::new(),
    };
    let saved = actions.saves();
    let address = addressed();
    let page = Resource::new(
        move || (address(), saved.get()),
        |(asked, _)| {
            get_bom(
                asked.order_number,
                asked.build_number,
                asked.version,
                asked.compare_with,
            )
        },
    );
    view! {
        <Loaded resource=page loading="Loading the BOM…" render=move |page| view! { <Bom page actions/> }/>
    }
}

#[derive(Clone, Copy)]
pub(super) struct BomActions {
    pub generate: ServerAction<GenerateBom>,
    pub status: ServerAction<MoveBom>,
    pub approve: ServerAction<ApproveBom>,
    pub withdraw: ServerAction<WithdrawBom>,
    pub issue: ServerAction<IssueBom>,
}

impl BomActions {
    /// A generation or a status change moves the page to the newest
    /// version's state.
    fn saves(&self) -> Signal<usize> {
        let counts = [
            successes(self.generate),
            successes(self.status),
            successes(self.approve),
            successes(self.withdraw),
            successes(self.issue),
        ];
        Signal::derive(move || counts.iter().map(|count| count.get()).sum())
    }
}

#[component]
fn Bom(page: BomPageData, actions: BomActions) -> impl IntoView {
    let order_href = crate::routes::order(&page.order_number);
    let sink_href = crate::routes::sink(&page.order_number, &page.build_number);
    let title = format!("BOM {} · {}", page.build_number, page.family);
    let base = crate::routes::bom(&page.order_number, &page.build_number);
    view! {
        <Title text=title.clone()/>
        <Trail
            trail=vec![
                Crumb::new("Orders", "/orders"),
                Crumb::new(page.order_number.as_str(), order_href),
                Crumb::new(page.build_number.as_str(), sink_href),
            ]
            current="BOM"
        />
        <h1>"Bill of materials"<span class="subtitle">{format!("{} · {}", page.build_number, page.family)}</span></h1>
        <HistoryLink table=AuditedTable::Boms record=page.build_number.to_string()/>
        {page.frozen.clone().map(|why| view! { <p class="notice" role="status" data-testid="bom-frozen">{why}</p> })}
        <Versions versions=page.versions.clone() base=base.clone() shown=page.shown.as_ref().map(|bom| bom.version)/>
        {match page.shown.clone() {
            Some(bom) => {
                let others: Vec<i32> = page.versions.iter().map(|version| version.version).filter(|&version| version != bom.version).collect();
                view! {
                    <Files base=base.clone() version=bom.version/>
                    <CompareForm base=base.clone() shown=bom.version others/>
                    {page.changes.clone().map(|changes| view! { <Changes changes/> })}
                    <Shown bom actions frozen=page.frozen.is_some()/>
                }.into_any()
            }
            None => view! { <p class="empty">"No BOM yet: it is generated when the configuration is approved."</p> }.into_any(),
        }}
        {page.frozen.is_none().then(|| view! {
            <Permitted on=torvan::Resource::Boms action=Action::Create clone:page>
                <GenerateForm order_number=page.order_number.clone() build_number=page.build_number.clone() action=actions.generate/>
            </Permitted>
        })}
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
fn Shown(bom: BomDetail, actions: BomActions, frozen: bool) -> impl IntoView {
    let heading = format!("Version {} · {}", bom.version, bom.status.label());
    let id = bom.id;
    let status = bom.status;
    let approval_refused = bom.approval_refused.clone();
    view! {
        <section aria-labelledby="bom-heading">
            <h2 id="bom-heading">{heading}</h2>
            <p class="hint">{format!("Generated from {}.", bom.generated_by)}</p>
            <Signatures signatures=bom.signatures/>
            <dl class="totals" data-testid="bom-totals">
                <dt>"Parts"</dt><dd>{bom.parts_count}</dd>
                <dt>"Cost"</dt><dd>{money(bom.total_cost)}</dd>
                <dt>"Weight"</dt><dd>{format!("{} lb", bom.total_weight.normalize())}</dd>
            </dl>
            {(!frozen).then(|| view! {
                <Permitted on=torvan::Resource::Boms action=Action::Update>
                    <StatusButtons id status actions approval_refused=approval_refused.clone()/>
                </Permitted>
            })}
            <Shortages shortages=bom.shortages approved=status == BomStatus::Approved/>
            <BomTree rows=bom.rows/>
            <Movements movements=bom.movements/>
        </section>
    }
}

/// The parts the version is short of, once each, above the tree.
#[component]
fn Shortages(shortages: Vec<PartShortage>, approved: bool) -> impl IntoView {
    (!shortages.is_empty()).then(|| {
        let heading = if approved {
            "Still to issue: not held for this BOM, receive them and issue again"
        } else {
            "Short: the shelf cannot cover these parts"
        };
        view! {
            <section class="problems" aria-labelledby="shortages-heading" data-testid="bom-shortages">
                <h3 id="shortages-heading">{heading}</h3>
                <ul>
                    {shortages.into_iter().map(|short| view! {
                        <li>{format!("{} {}: needs {}, short by {}", short.part_number, short.name, short.needed, short.short_by)}</li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// The ledger's rows for this version: allocations, releases and issues.
#[component]
fn Movements(movements: Vec<BomMovement>) -> impl IntoView {
    (!movements.is_empty()).then(|| {
        view! {
            <h3 id="movements-heading">"Stock movements for this version"</h3>
            <table class="data-table" aria-labelledby="movements-heading">
                <thead>
                    <tr>
                        <th scope="col">"When"</th>
                        <th scope="col">"Movement"</th>
                        <th scope="col">"Part"</th>
                        <th scope="col" class="num">"Allocated"</th>
                        <th scope="col" class="num">"On hand"</th>
                        <th scope="col">"By"</th>
                    </tr>
                </thead>
                <tbody>
                    {movements.into_iter().map(|movement| view! {
                        <tr data-movement=movement.kind.as_db_str()>
                            <td>{movement.at.format("%Y-%m-%d %H:%M").to_string()}</td>
                            <td>{movement.kind.label()}</td>
                            <td class="mono">{movement.part_number}</td>
                            <td class="num">{format!("{:+}", movement.allocated_change)}</td>
                            <td class="num">{format!("{:+}", movement.on_hand_change)}</td>
                            <td>{movement.by}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}
