use leptos::prelude::*;
use torvan::Action;

use crate::auth::CurrentUser;
use crate::error::AppError;

/// Who is signed in, loaded once by the app and shared with every page.
#[derive(Clone, Copy)]
pub struct SignedInUser(pub Resource<Result<Option<CurrentUser>, AppError>>);

impl SignedInUser {
    /// Whether the signed-in user may do `action` on `on`, once known.
    pub async fn may(self, on: torvan::Resource, action: Action) -> bool {
        self.0
            .await
            .ok()
            .flatten()
            .is_some_and(|user| user.may(on, action))
    }
}

/// Shows its children only to users who may do `action` on `on`, so nobody
/// is offered a control the server would refuse; everyone else sees
/// `otherwise` (nothing unless given).
#[component]
pub fn Permitted(
    on: torvan::Resource,
    action: Action,
    children: ChildrenFn,
    #[prop(optional, into)] otherwise: ViewFn,
) -> impl IntoView {
    let user = expect_context::<SignedInUser>();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (children, otherwise) = (children.clone(), otherwise.clone());
                Suspend::new(async move {
                    if user.may(on, action).await { children() } else { otherwise.run() }
                })
            }}
        </Suspense>
    }
}
