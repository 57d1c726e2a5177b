//! The "Move to…" menu: a card's move for the keyboard and for anyone who
//! cannot drag. Arrows walk it, Enter or Space choose, Escape closes it,
//! and focus comes back to its button, also after the board redraws.

use leptos::prelude::*;

use super::card::BoardState;
use super::model::BoardCard;

/// The "Move to…" button and its menu of the columns the card may go to.
#[component]
pub(super) fn MoveMenu(card: BoardCard, now: chrono::DateTime<chrono::Utc>) -> impl IntoView {
    let state = expect_context::<BoardState>();
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let menu = NodeRef::<leptos::html::Div>::new();
    let menu_id = format!("move-{}", card.number);
    let destinations = StoredValue::new(card.destinations(now));
    let card = StoredValue::new(card);

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
    Effect::new(move || {
        let mine = state
            .focus
            .get()
            .is_some_and(|number| card.with_value(|card| card.number == number));
        if let (true, Some(_button)) = (mine, button.get()) {
            #[cfg(feature = "hydrate")]
            let _ = _button.focus();
            state.focus.set(None);
        }
    });
    let close = move || {
        open.set(false);
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
                on:click=move |_| open.update(|open| *open = !*open)
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
                                        open.set(false);
                                        let current = card.get_value();
                                        state.focus.set(Some(current.number.clone()));
                                        state.send(&current, to);
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
