//! The "History" link a record's page shows: the audit viewer filtered to
//! that record, offered only to roles that may read the trail.

use leptos::prelude::*;
use torvan::Action;
use torvan::audit::AuditedTable;

use crate::shell::Permitted;

/// A link to the audit trail of the record `record` (its number, or its id
/// where it has none) of `table`.
#[component]
pub fn HistoryLink(table: AuditedTable, #[prop(into)] record: String) -> impl IntoView {
    let href = crate::routes::history(table, &record);
    view! {
        <Permitted on=torvan::Resource::Audit action=Action::Read>
            <p class="history-link">
                <a class="button subtle" href=href.clone() data-testid="history-link">"History"</a>
            </p>
        </Permitted>
    }
}
