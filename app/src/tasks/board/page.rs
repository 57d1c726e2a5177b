//! The board pages: `/boards` (pick a work center; an assembler sees their
//! own station's board there), `/boards/:work_center`,
//! `/boards/orders/:order` and `/boards/mine`. Each board refetches on
//! the live channel's changes, but not while a card is in the hand: the
//! refetch waits for the drop, so a redraw never pulls a card away from
//! the finger dragging it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use torvan::workflow::{TaskNumber, TaskStatus, WorkCenterCode};
use torvan::{Action, DbEnum};

use super::api::{get_board, get_board_home, get_workload};
use super::card::{BoardState, Card};
use super::model::{Board, BoardFilter, BoardHome, BoardScope, Workload};
use crate::error::AppError;
use crate::live::{LiveStatus, TaskFilter, use_task_events};
use crate::shell::{Loaded, Permitted, PermittedPage, SignedInUser};

#[component]
pub fn BoardsPage() -> impl IntoView {
    let home = Resource::new(|| (), |_| get_board_home());
    view! {
        <Title text="Boards"/>
        <PermittedPage on=torvan::Resource::Tasks action=Action::Read>
            <h1>"Boards"</h1>
            <Loaded resource=home loading="Loading the work centers…" render=move |home| view! { <Home home/> }/>
        </PermittedPage>
    }
}

#[component]
fn Home(home: BoardHome) -> impl IntoView {
    let centers = home
        .work_centers
        .into_iter()
        .map(|center| {
            let limit = center
                .wip_limit
                .map(|limit| format!(" · limit {limit}"))
                .unwrap_or_default();
            view! {
                <li>
                    <a class="board-link" href=crate::routes::work_center_board(&center.code)>
                        <strong>{center.name}</strong>
                        <span class="muted">{center.open} " open · " {center.in_progress} " in progress" {limit}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    // The caller's station first: an assembler's tablet opens its board
    // from here in one touch.
    let own = home.own.map(|code| {
        view! {
            <li>
                <a class="board-link own" href=crate::routes::work_center_board(&code) data-testid="own-board">
                    <strong>"Your station's board"</strong>
                    <span class="muted">{code.clone()}</span>
                </a>
            </li>
        }
    });
    view! {
        <nav aria-label="Work centers">
            <ul class="board-picker" data-testid="board-picker">
                {own}
                {centers}
                <li><a class="board-link" href=crate::routes::MY_BOARD><strong>"My tasks"</strong></a></li>
            </ul>
        </nav>
    }
}

#[component]
pub fn WorkCenterBoardPage() -> impl IntoView {
    let params = use_params_map();
    let scope = Signal::derive(move || {
        BoardScope::WorkCenter(params.read().get("work_center").unwrap_or_default())
    });
    view! { <ReadPage scope/> }
}

#[component]
pub fn OrderBoardPage() -> impl IntoView {
    let params = use_params_map();
    let scope =
        Signal::derive(move || BoardScope::Order(params.read().get("order").unwrap_or_default()));
    view! { <ReadPage scope/> }
}

#[component]
pub fn MyBoardPage() -> impl IntoView {
    view! { <ReadPage scope=Signal::stored(BoardScope::Mine)/> }
}

#[component]
fn ReadPage(scope: Signal<BoardScope>) -> impl IntoView {
    view! {
        <PermittedPage on=torvan::Resource::Tasks action=Action::Read>
            <BoardView scope/>
        </PermittedPage>
    }
}

/// A board under the filters of the page's query.
#[component]
fn BoardView(scope: Signal<BoardScope>) -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let query = query.read();
        BoardFilter {
            priority: query.get("priority"),
            assignee: query.get("assignee"),
            due: query.get("due"),
            order: query.get("order"),
            family: query.get("family"),
        }
    });
    // A work center's board hears its own station; the others (an order's,
    // mine) hear every change: a refetch too many is cheap, a missed one not.
    let live = use_task_events(Signal::derive(move || match scope.get() {
        BoardScope::WorkCenter(code) => WorkCenterCode::parse(&code)
            .map(TaskFilter::work_center)
            .unwrap_or_default(),
        BoardScope::Order(_) | BoardScope::Mine => TaskFilter::default(),
    }));
    let state = BoardState::new();
    provide_context(state);
    // The live changes the board has caught up with: held while a card is dragged.
    let (caught_up, set_caught_up) = signal(0_u64);
    Effect::new(move || {
        let changes = live.changes.get();
        if !state.dragging.get() {
            set_caught_up.set(changes);
        }
    });
    // Read again when this device's kept moves reached the server.
    let delivered = crate::offline::Outbox::get().delivered;
    let board = Resource::new(
        move || {
            (
                scope.get(),
                filter.get(),
                caught_up.get(),
                state.moved.get(),
                delivered.get(),
            )
        },
        |(scope, filter, _, _, _)| get_board(scope, filter),
    );
    // Made here, outside the `Permitted` that shows the panel: a resource
    // made inside it is made at another point on the server than in the
    // browser, and hydration would not match (see `admin::ChainPanel`).
    // Asked only for a role that may see it: a refused call would make
    // the whole page's answer a 403.
    let user = expect_context::<SignedInUser>();
    let load = Resource::new(
        move || caught_up.get(),
        move |_| async move {
            if user.may(torvan::Resource::Tasks, Action::Create).await {
                get_workload().await
            } else {
                Ok(Vec::new())
            }
        },
    );
    view! {
        <div class="board-bar">
            <LiveStatus live/>
        </div>
        <Filters filter/>
        <Loaded resource=board loading="Loading the board…" render=move |board| view! { <Columns board/> }/>
        // Who carries what: the coordinator's, who gives out the work.
        <Permitted on=torvan::Resource::Tasks action=Action::Create>
            <WorkloadPanel load/>
        </Permitted>
    }
}

/// Every person's open tasks and the minutes they still estimate, from
/// `workflow.user_workload`, refetched with the board.
#[component]
fn WorkloadPanel(load: Resource<Result<Vec<Workload>, AppError>>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="workload-heading" data-testid="workload">
            <h2 id="workload-heading">"Workload"</h2>
            <Loaded resource=load loading="Loading the workload…" render=move |people| {
                let rows = people
                    .into_iter()
                    .map(|person| view! {
                        <tr>
                            <td>{person.name}</td>
                            <td class="number">{person.pending}</td>
                            <td class="number">{person.active}</td>
                            <td class="number">{person.remaining_minutes}</td>
                        </tr>
                    })
                    .collect_view();
                view! {
                    <div class="table-scroll">
                        <table class="data-table">
                            <thead><tr><th>"Person"</th><th>"To do"</th><th>"In progress"</th><th>"Minutes left"</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
            }/>
        </section>
    }
}

/// The filter form: a GET form, so a filtered board is a link.
#[component]
fn Filters(filter: Memo<BoardFilter>) -> impl IntoView {
    let value = move |pick: fn(&BoardFilter) -> &Option<String>| {
        filter.with(|filter| pick(filter).clone().unwrap_or_default())
    };
    let priorities = torvan::workflow::TaskPriority::ALL
        .iter()
        .map(|priority| {
            let code = priority.as_db_str();
            view! {
                <option value=code selected=move || value(|f| &f.priority) == code>{priority.label()}</option>
            }
        })
        .collect_view();
    view! {
        <form method="get" class="board-filters" data-testid="board-filters">
            <label>"Priority"
                <select name="priority">
                    <option value="">"Any"</option>
                    {priorities}
                </select>
            </label>
            <label>"Assignee"
                <select name="assignee">
                    <option value="">"Anyone"</option>
                    <option value="me" selected=move || value(|f| &f.assignee) == "me">"Me"</option>
                    <option value="nobody" selected=move || value(|f| &f.assignee) == "nobody">"Nobody"</option>
                </select>
            </label>
            <label>"Due before"
                <input name="due" type="text" placeholder="overdue or 2026-12-01" prop:value=move || value(|f| &f.due)/>
            </label>
            <label>"Order"
                <input name="order" type="text" placeholder="ORD-2026-0110" prop:value=move || value(|f| &f.order)/>
            </label>
            <label>"Family"
                <input name="family" type="text" placeholder="ESR" prop:value=move || value(|f| &f.family)/>
            </label>
            <button type="submit" class="button secondary">"Filter"</button>
        </form>
    }
}

/// The board's columns, with each move still waiting on this device
/// shown where it is going (and marked so): a tablet offline keeps the
/// board it is working on.
#[component]
fn Columns(board: Board) -> impl IntoView {
    let outbox = crate::offline::Outbox::get();
    // Redrawn only when the waiting moves change, not on every word from the worker.
    let moves = Memo::new(move |_| outbox.waiting_moves());
    let title = board.title.clone();
    let board = StoredValue::new(board);
    let columns = move || {
        let mut board = board.get_value();
        let waiting = moves.with(|moves| board.with_waiting_moves(moves));
        view! { <ColumnsOf board waiting/> }
    };
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        <div class="board" data-testid="board">{columns}</div>
    }
}

#[component]
fn ColumnsOf(board: Board, waiting: Vec<TaskNumber>) -> impl IntoView {
    let state = expect_context::<BoardState>();
    let over_limit = board.over_wip_limit();
    let limit = board
        .work_center
        .as_ref()
        .and_then(|center| center.wip_limit);
    TaskStatus::COLUMNS
        .into_iter()
        .map(|status| {
            let node = state.columns.with_value(|columns| {
                columns
                    .iter()
                    .find(|(column, _)| *column == status)
                    .map(|(_, node)| *node)
                    .unwrap_or_default()
            });
            let cards: Vec<_> = board.column(status).cloned().collect();
            let count = match (status, limit) {
                (TaskStatus::InProgress, Some(limit)) => format!("{} / {limit}", cards.len()),
                _ => cards.len().to_string(),
            };
            let over = status == TaskStatus::InProgress && over_limit;
            let heading_id = format!("column-{}", status.as_db_str().to_lowercase());
            let (now, may_move) = (board.now, board.may_move);
            let cards = cards
                .into_iter()
                .map(|card| {
                    let kept = waiting.contains(&card.number);
                    view! { <Card card now may_move kept/> }
                })
                .collect_view();
            view! {
                <section
                    class="board-column"
                    class:drop-target=move || state.over.get() == Some(status)
                    class:over-limit=over
                    node_ref=node
                    data-column=status.as_db_str()
                    data-testid="board-column"
                    aria-labelledby=heading_id.clone()
                >
                    <h2 id=heading_id.clone()>
                        {status.label()} " "
                        <span class="badge" data-testid="column-count">{count}</span>
                        {over.then(|| view! { <span class="badge warning">"over the WIP limit"</span> })}
                    </h2>
                    {cards}
                </section>
            }
        })
        .collect_view()
}
