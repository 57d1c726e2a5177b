use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

use super::Failure;
use crate::error::AppError;

/// A page's data: a loading line while it comes, the failure panel if it
/// cannot, and `render` once it is there. Rendered on the server and hydrated.
#[component]
pub fn Loaded<T, V, F>(
    resource: Resource<Result<T, AppError>>,
    loading: &'static str,
    render: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Copy + Send + Sync + 'static,
{
    view! {
        <Suspense fallback=move || view! { <p class="loading">{loading}</p> }>
            <ErrorBoundary fallback=|errors| view! { <Failure errors/> }>
                {move || Suspend::new(async move { resource.await.map(render) })}
            </ErrorBoundary>
        </Suspense>
    }
}
