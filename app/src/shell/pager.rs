//! The one pager every paged list shows under its table: links to the
//! previous and next pages and where this page stands. Each list builds the
//! address of a page itself (`href`), so its filters stay in the URL and a
//! page can be bookmarked or shared.

use leptos::prelude::*;

/// Nothing when everything fits on one page.
#[component]
pub fn Pager<F>(
    /// The page shown, zero-based.
    page: i64,
    /// Rows per page.
    page_size: i64,
    /// Matches over all pages.
    total: i64,
    /// The address of a zero-based page of the same list.
    href: F,
) -> impl IntoView
where
    F: Fn(i64) -> String + 'static,
{
    let pages = (total + page_size - 1) / page_size;
    let previous = (page > 0).then(|| href(page - 1));
    let next = (page + 1 < pages).then(|| href(page + 1));
    (previous.is_some() || next.is_some()).then(|| {
        view! {
            <nav class="pager" aria-label="Pages">
                {previous.map(|href| view! { <a class="button subtle" href=href rel="prev">"Previous page"</a> })}
                <span>{format!("Page {} of {pages}", page + 1)}</span>
                {next.map(|href| view! { <a class="button subtle" href=href rel="next">"Next page"</a> })}
            </nav>
        }
    })
}
