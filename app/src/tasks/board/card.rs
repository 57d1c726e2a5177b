//! One card and how it moves. Drag and drop is built on Pointer Events,
//! not the HTML5 drag API (which touch screens never fire): the handle
//! captures the pointer on `pointerdown`, follows it on `pointermove` and
//! drops on `pointerup` into the column under the pointer, so a mouse, a
//! finger and a pen drag alike (`touch-action: none` keeps the browser
//! from scrolling instead). The same move by keyboard is `move_menu`.

use leptos::prelude::*;
use torvan::workflow::{TaskNumber, TaskStatus};

use super::api::move_task;
use super::model::BoardCard;
use super::move_menu::MoveMenu;
use crate::error::AppError;

/// What the cards of one board share: the drag under way (the board
/// defers live refetches until it ends, so a card in the hand is never
/// redrawn away), the column under the pointer, the last move's answer,
/// which card's "Move to…" menu is open (kept here, not in the card, so a
/// redraw from the live channel leaves it open under the person's finger)
/// and which card's menu button gets focus back after the board redraws.
#[derive(Clone, Copy)]
pub struct BoardState {
    pub dragging: RwSignal<bool>,
    pub over: RwSignal<Option<TaskStatus>>,
    /// The card and the answer to its last move: (number, message, refused).
    pub answer: RwSignal<Option<(TaskNumber, String, bool)>>,
    /// The card whose "Move to…" menu is open: one at a time.
    pub menu: RwSignal<Option<TaskNumber>>,
    /// The card whose "Move to…" button takes the focus back, from the
    /// board (counted by `moved`) redrawn after the move on: not the one
    /// still showing while the refetch is under way.
    pub focus: RwSignal<Option<(TaskNumber, u64)>>,
    /// Raised after every move, accepted or refused: the board refetches.
    pub moved: RwSignal<u64>,
    pub columns: StoredValue<Vec<(TaskStatus, NodeRef<leptos::html::Section>)>>,
}

impl BoardState {
    pub fn new() -> Self {
        Self {
            dragging: RwSignal::new(false),
            over: RwSignal::new(None),
            answer: RwSignal::new(None),
            menu: RwSignal::new(None),
            focus: RwSignal::new(None),
            moved: RwSignal::new(0),
            columns: StoredValue::new(
                TaskStatus::COLUMNS
                    .into_iter()
                    .map(|status| (status, NodeRef::new()))
                    .collect(),
            ),
        }
    }

    /// The column whose box holds the point (client coordinates).
    fn column_at(&self, x: f64, y: f64) -> Option<TaskStatus> {
        #[cfg(feature = "hydrate")]
        {
            self.columns.with_value(|columns| {
                columns.iter().find_map(|(status, node)| {
                    let rect = node.get_untracked()?.get_bounding_client_rect();
                    let inside = x >= rect.left()
                        && x <= rect.right()
                        && y >= rect.top()
                        && y <= rect.bottom();
                    inside.then_some(*status)
                })
            })
        }
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = (x, y);
            None
        }
    }

    /// Sends the move; the answer shows on the card and the board
    /// refetches. With `refocus` (a move made from the menu), the redrawn
    /// card's menu button gets the focus.
    pub(super) fn send(self, card: &BoardCard, to: TaskStatus, refocus: bool) {
        use torvan::DbEnum;
        let hold_reason = if to == TaskStatus::OnHold {
            match ask_hold_reason(&card.number) {
                Some(reason) => Some(reason),
                // Cancelled: no move, nothing to say.
                None => return,
            }
        } else {
            None
        };
        let (number, version) = (card.number.clone(), card.version);
        leptos::task::spawn_local(async move {
            let result = move_task(
                number.to_string(),
                to.as_db_str().to_owned(),
                version,
                hold_reason,
            )
            .await;
            let answer = match result {
                Ok(_) => (
                    number.clone(),
                    format!("{number} moved to {}.", to.label()),
                    false,
                ),
                // No connection: the device keeps the move, and the board
                // shows the card where it goes (`Outbox`). Reading the
                // board again would only fail.
                Err(AppError::Queued) => {
                    let kept = format!(
                        "No connection: {number} goes to {} when the connection returns.",
                        to.label()
                    );
                    self.answer.set(Some((number, kept, false)));
                    return;
                }
                Err(error) => (number.clone(), error.to_string(), true),
            };
            let redrawn = self.moved.get_untracked() + 1;
            if refocus {
                self.focus.set(Some((number, redrawn)));
            }
            self.answer.set(Some(answer));
            self.moved.set(redrawn);
        });
    }
}

/// The reason for a hold, asked in the browser's own dialog; `None` when
/// the person cancels.
fn ask_hold_reason(number: &TaskNumber) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()?
            .prompt_with_message(&format!("Why is {number} on hold?"))
            .ok()
            .flatten()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = number;
        None
    }
}

#[component]
pub fn Card(
    card: BoardCard,
    now: chrono::DateTime<chrono::Utc>,
    may_move: bool,
    /// Moved on this device and not sent yet.
    kept: bool,
) -> impl IntoView {
    let state = expect_context::<BoardState>();
    let number = card.number.to_string();
    let overdue = card.overdue(now);
    // Where the drag started and how far it has gone (client pixels).
    let start = RwSignal::new(None::<(f64, f64)>);
    let card = StoredValue::new(card);
    // The card follows the pointer through its CSSOM style: the page's
    // content security policy refuses inline style attributes.
    let article = NodeRef::<leptos::html::Article>::new();
    let follow = move |offset: Option<(f64, f64)>| {
        #[cfg(feature = "hydrate")]
        if let Some(article) = article.get_untracked() {
            let style = article.style();
            let _ = match offset {
                Some((dx, dy)) => {
                    style.set_property("transform", &format!("translate({dx}px, {dy}px)"))
                }
                None => style.remove_property("transform").map(|_| ()),
            };
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = offset;
    };
    let on_down = move |event: leptos::ev::PointerEvent| {
        if !event.is_primary() || event.button() > 0 {
            return;
        }
        event.prevent_default();
        #[cfg(feature = "hydrate")]
        {
            use web_sys::wasm_bindgen::JsCast;
            if let Some(handle) = event
                .current_target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            {
                // A pointer the browser does not track (a synthetic one) cannot be captured;
                // the moves still reach the handle that was pressed.
                let _ = handle.set_pointer_capture(event.pointer_id());
            }
        }
        start.set(Some((
            f64::from(event.client_x()),
            f64::from(event.client_y()),
        )));
        state.dragging.set(true);
    };
    let on_move = move |event: leptos::ev::PointerEvent| {
        let Some((x0, y0)) = start.get_untracked() else {
            return;
        };
        let (x, y) = (f64::from(event.client_x()), f64::from(event.client_y()));
        follow(Some((x - x0, y - y0)));
        state.over.set(state.column_at(x, y));
    };
    let end = move |drop_at: Option<(f64, f64)>| {
        let Some((x0, y0)) = start.get_untracked() else {
            return;
        };
        start.set(None);
        follow(None);
        state.over.set(None);
        state.dragging.set(false);
        let Some((x, y)) = drop_at else { return };
        // A press that hardly moved is no drag.
        if (x - x0).hypot(y - y0) < 8.0 {
            return;
        }
        let current = card.get_value();
        match state.column_at(x, y) {
            Some(to) if to != current.status => state.send(&current, to, false),
            _ => {}
        }
    };
    let on_up = move |event: leptos::ev::PointerEvent| {
        end(Some((
            f64::from(event.client_x()),
            f64::from(event.client_y()),
        )));
    };
    let on_cancel = move |_: leptos::ev::PointerEvent| end(None);

    let answer = move || {
        state.answer.get().and_then(|(of, message, refused)| {
            (of.as_str() == card.with_value(|card| card.number.as_str().to_owned())).then(|| {
                if refused {
                    view! { <p class="card-answer refused" role="alert" data-testid="move-answer">{message}</p> }.into_any()
                } else {
                    view! { <p class="card-answer" role="status" data-testid="move-answer">{message}</p> }.into_any()
                }
            })
        })
    };
    let BoardCard {
        title,
        build_number,
        assignee,
        due,
        estimated_minutes,
        actual_minutes,
        blocked_by,
        hold_reason,
        priority,
        ..
    } = card.get_value();
    let due = due.map(|due| {
        let class = if overdue {
            "card-due overdue"
        } else {
            "card-due"
        };
        let text = if overdue {
            format!("Overdue: {}", due.format("%Y-%m-%d %H:%M"))
        } else {
            format!("Due {}", due.format("%Y-%m-%d %H:%M"))
        };
        view! { <span class=class data-testid="card-due">{text}</span> }
    });
    let time_class = if estimated_minutes > 0 && actual_minutes > i64::from(estimated_minutes) {
        "card-time over"
    } else {
        "card-time"
    };
    let handle = may_move.then(|| {
        view! {
            <div
                class="card-handle"
                data-testid="card-handle"
                aria-hidden="true"
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_cancel
            >
                "⠿ drag"
            </div>
        }
    });
    let menu = may_move.then(|| view! { <MoveMenu card=card.get_value() now/> });
    let is_blocked = blocked_by.is_some();
    view! {
        <article
            class="task-card"
            class:dragging=move || start.get().is_some()
            class:blocked=is_blocked
            class:kept=kept
            node_ref=article
            data-testid="task-card"
            data-task=number.clone()
        >
            {handle}
            <a class="card-number" href=crate::routes::task(&number)>{number.clone()}</a>
            <p class="card-title">{title}</p>
            <p class="card-meta muted">{build_number.to_string()} " · " {priority.label()}</p>
            <p class="card-meta">{due}</p>
            <p class="card-meta">"👤 " {assignee.unwrap_or_else(|| "Unassigned".to_owned())}</p>
            <p class=time_class>{actual_minutes} " / " {estimated_minutes} " min"</p>
            {blocked_by.map(|label| view! { <p class="card-blocked" data-testid="card-blocked">{label}</p> })}
            {hold_reason.map(|reason| view! { <p class="card-hold">"On hold: " {reason}</p> })}
            {kept.then(|| view! { <p class="card-kept" data-testid="card-kept">"Waiting to send"</p> })}
            {menu}
            {answer}
        </article>
    }
}
