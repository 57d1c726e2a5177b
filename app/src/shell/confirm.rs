//! A submit button that asks first. The first tap says what will happen and
//! offers "Yes" and "Cancel"; only "Yes" submits the form it sits in. For
//! actions that cannot simply be taken back: shipping an order, withdrawing
//! an approval, issuing stock, deactivating a customer.

use leptos::prelude::*;

#[component]
pub fn ConfirmSubmit(
    /// What the button does, e.g. "Withdraw approval".
    label: String,
    /// What will happen, in a sentence.
    consequence: String,
    /// Lines the person should read first (shortages, say).
    #[prop(optional)]
    details: Vec<String>,
    /// The first button's class; "button" when not given.
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    let armed = RwSignal::new(false);
    let class = class.unwrap_or("button");
    move || {
        if armed.get() {
            let details = (!details.is_empty()).then(|| {
                view! { <ul>{details.iter().map(|line| view! { <li>{line.clone()}</li> }).collect_view()}</ul> }
            });
            view! {
                <div class="confirm" role="alertdialog" aria-label=format!("Confirm: {label}")>
                    <p>{consequence.clone()}</p>
                    {details}
                    <div class="actions">
                        <button type="submit" class="button" autofocus>{format!("Yes, {}", label.to_lowercase())}</button>
                        <button type="button" class="button subtle" on:click=move |_| armed.set(false)>"Cancel"</button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! { <button type="button" class=class on:click=move |_| armed.set(true)>{label.clone()}</button> }
                .into_any()
        }
    }
}
