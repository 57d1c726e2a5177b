//! The "Move to…" menu: a card's move for the keyboard and for anyone who
//! cannot drag. Arrows walk it, Enter or Space choose, Escape closes it,
//! and focus comes back to its button, also after the board redraws. Which
//! menu is open lives in `BoardState`, so a redraw (another person's move
//! arriving on the live channel) draws it open again rather than shutting
//! it as the person reaches for an item.

use leptos::prelude::*;

use super::card::BoardState;
use super::model::BoardCard;

/// The "Move to…" button and its menu of the columns the card may go to.
#[component]
pub(super) fn MoveMenu(card: BoardCard, now: chrono::DateTime<chrono::Utc>) -> impl IntoView {
    let state = expect_context::<BoardState>();
    let number = card.number.clone();
    let open = Memo::new(move |_| state.menu.with(|menu| menu.as_ref() == Some(&number)));
    let button = NodeRef::<leptos::html::Button>::new();
    let menu = NodeRef::<leptos::html::Div>::new();
    let menu_id = format!("move-{}", card.number);
    let destinations = StoredValue::new(card.destinations(now));
    let card = StoredValue::new(card);
    // The board this menu is drawn on (see `BoardState::focus`).
    let drawn_on = state.moved.get_untracked();

    // Focus follows the menu: its first item when it opens; the button
    // when this card is the one whose move the board redrew for.
    Effect::new(move || {
        #[cfg(feature = "hydrate")]
        if let Some(menu) = menu.get() {
            focus(menu.first_element_child());
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = menu.get();
    });
    // The board redraws after the move's answer and again as the live
    // channel reports the move: each redraw removes the focused button, so
    // every redraw of this card hands the focus back, but only when it
    // was lost (on the page's body), never taken from where the person
    // has since moved it.
    Effect::new(move || {
        let mine = state.focus.get().is_some_and(|(number, board)| {
            drawn_on >= board && card.with_value(|card| card.number == number)
        });
        if let (true, Some(_button)) = (mine, button.get()) {
            #[cfg(feature = "hydrate")]
            if focus_is_lost() {
                let _ = _button.focus();
            }
        }
    });
    let close = move || {
        state.menu.set(None);
        #[cfg(feature = "hydrate")]
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    let on_key = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" {
            event.prevent_default();
            close();
        } else {
            #[cfg(feature = "hydrate")]
            step_through_menu(&event, menu);
        }
    };
    view! {
        <div class="move-to">
            <button
                type="button"
                class="button secondary"
                node_ref=button
                aria-haspopup="menu"
                aria-controls=menu_id.clone()
                aria-expanded=move || open.get().to_string()
                on:click=move |_| {
                    let number = card.with_value(|card| card.number.clone());
                    state.menu.update(|menu| {
                        *menu = (menu.as_ref() != Some(&number)).then_some(number);
                    });
                }
            >
                "Move to…"
            </button>
            <Show when=move || open.get()>
                <div role="menu" id=menu_id.clone() class="move-menu" node_ref=menu on:keydown=on_key>
                    {destinations
                        .get_value()
                        .into_iter()
                        .map(|to| {
                            view! {
                                <button
                                    type="button"
                                    role="menuitem"
                                    class="menu-item"
                                    tabindex="-1"
                                    on:click=move |_| {
                                        state.menu.set(None);
                                        state.send(&card.get_value(), to, true);
                                    }
                                >
                                    {to.label()}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </Show>
        </div>
    }
}

/// Arrow keys, Home and End move the focus through the open menu's items,
/// wrapping at either end, as a menu button's menu does.
#[cfg(feature = "hydrate")]
fn step_through_menu(event: &leptos::ev::KeyboardEvent, menu: NodeRef<leptos::html::Div>) {
    let Some(menu) = menu.get_untracked() else {
        return;
    };
    let active = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.active_element());
    let next = match event.key().as_str() {
        "ArrowDown" => active
            .and_then(|item| item.next_element_sibling())
            .or_else(|| menu.first_element_child()),
        "ArrowUp" => active
            .and_then(|item| item.previous_element_sibling())
            .or_else(|| menu.last_element_child()),
        "Home" => menu.first_element_child(),
        "End" => menu.last_element_child(),
        _ => return,
    };
    event.prevent_default();
    focus(next);
}

/// Moves the keyboard focus to `element` (an `HtmlElement`), if any.
#[cfg(feature = "hydrate")]
fn focus(element: Option<web_sys::Element>) {
    use web_sys::wasm_bindgen::JsCast;
    if let Some(element) =
        element.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Whether nothing on the page holds the focus: it fell to the body, as it
/// does when the focused element is removed.
#[cfg(feature = "hydrate")]
fn focus_is_lost() -> bool {
    let document = web_sys::window().and_then(|window| window.document());
    let active = document
        .as_ref()
        .and_then(|document| document.active_element());
    let body = document.and_then(|document| document.body());
    match (active, body) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.as_ref(),
        (Some(_), None) => false,
    }
}
