//! `/scan`: one field that a camera app's result, a handheld scanner
//! (which types the code and presses Enter) or a person fills in. It is a
//! plain GET form, so a scan opens its record even before the page's
//! script has loaded: the server reads `?code=` and redirects. A code that
//! does not read is said at the field, with the text kept to correct.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;
use torvan::label_code::{FIELD, LabelCode};

use crate::shell::field_error;

#[component]
pub fn ScanPage() -> impl IntoView {
    let query = use_query_map();
    let scanned = move || query.read().get(FIELD);
    let read = move || scanned().map(|text| LabelCode::read(&text));
    view! {
        <Title text="Scan"/>
        <h1>"Scan"</h1>
        {move || match read() {
            Some(Ok(code)) => view! { <Redirect path=crate::routes::scanned(&code)/> }.into_any(),
            refused => {
                let message = refused.and_then(Result::err).map(|error| error.message);
                view! { <ScanForm typed=scanned().unwrap_or_default() message/> }.into_any()
            }
        }}
    }
}

#[component]
fn ScanForm(typed: String, message: Option<String>) -> impl IntoView {
    let refused = message.is_some();
    // The field has the focus, so a scanner's keystrokes land in it: by
    // `autofocus` when the page is loaded, by this after a navigation.
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move || {
        if let Some(input) = field.get() {
            let _ = input.focus();
        }
    });
    view! {
        <form method="get" action=crate::routes::SCAN class="form scan-form">
            <label for="scan-code">"Label or number"</label>
            <input id="scan-code" name=FIELD type="text" class="big" value=typed autofocus=true node_ref=field
                autocomplete="off" autocapitalize="characters" spellcheck="false" enterkeyhint="go"
                aria-invalid=refused.then_some("true") aria-describedby="scan-hint"/>
            {message.map(|message| field_error(FIELD, message))}
            <p class="hint" id="scan-hint">
                "Scan a TORVAN label's QR code with the handheld scanner, or type an order (ORD-…) or build (TB-…) number."
            </p>
            <button type="submit" class="button big">"Open"</button>
        </form>
    }
}
