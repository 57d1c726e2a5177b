//! Pages some roles may not use at all. Such a page shows a refused user the
//! 403 page alone, never its own heading, forms or links, and answers with a
//! real 403 status: the status is set while the page is first rendered, before
//! the response's first byte, so it reaches the headers even when the rest of
//! the page streams.

use leptos::prelude::*;
use torvan::Action;

use super::Failure;
use super::permitted::SignedInUser;
use crate::error::AppError;

/// A page only for users who may do `action` on `on`; everyone else gets
/// the 403 page.
#[component]
pub fn PermittedPage(on: torvan::Resource, action: Action, children: ChildrenFn) -> impl IntoView {
    #[cfg(feature = "ssr")]
    refuse_early(on, action);
    let user = expect_context::<SignedInUser>();
    view! {
        <Suspense fallback=|| ()>
            <ErrorBoundary fallback=|errors| view! { <Failure errors/> }>
                {move || {
                    let children = children.clone();
                    Suspend::new(async move {
                        if user.may(on, action).await { Ok(children()) } else { Err(AppError::Forbidden) }
                    })
                }}
            </ErrorBoundary>
        </Suspense>
    }
}

/// The 403 status for a signed-in user who may not use the page.
#[cfg(feature = "ssr")]
fn refuse_early(on: torvan::Resource, action: Action) {
    use crate::auth::guard::{session, set_status};
    if session().is_some_and(|session| !session.user.may(on, action)) {
        set_status(axum::http::StatusCode::FORBIDDEN);
    }
}
