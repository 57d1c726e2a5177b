//! The audit viewer page: the filter form (its values live in the address
//! bar), one page of entries newest first, each change field by field, the
//! link to older entries and the CSV export of the filtered trail.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use torvan::audit::{AuditAction, AuditedTable};
use torvan::{Action, DbEnum};

use super::api::list_audit;
use super::model::{AuditEntries, AuditEntry, AuditFilter, EXPORT_CAP, FieldChange};
use crate::error::AppError;
use crate::routes::{AUDIT, AUDIT_CSV, with_query};
use crate::shell::form::{Input, Select, TextField, after_blank, choices};
use crate::shell::{Loaded, PermittedPage};

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| AuditFilter::from_pairs(|key| query.read().get(key)));
    let entries = Resource::new(move || filter.get(), list_audit);

    view! {
        <PermittedPage on=torvan::Resource::Audit action=Action::Read>
            <Title text="Audit trail"/>
            <h1>"Audit trail"</h1>
            <p class="hint">"Every change to the records, newest first. Times are UTC."</p>
            <Transition fallback=|| view! { <p class="loading">"Loading the audit trail…"</p> }>
                {move || Suspend::new(async move {
                    // A filter the server refused is shown at its fields, in
                    // place of the entries; any other failure is Loaded's.
                    let refused = entries.await.err().filter(|error| !error.problems().is_empty());
                    let shown = refused.is_none();
                    view! {
                        <FilterForm filter=filter.get_untracked() error=Signal::stored(refused)/>
                        {shown.then(|| view! {
                            <Loaded resource=entries loading="Loading the audit trail…" render=move |entries| {
                                view! { <EntryTable entries filter=filter.get_untracked()/> }
                            }/>
                        })}
                    }
                })}
            </Transition>
        </PermittedPage>
    }
}

#[component]
fn FilterForm(filter: AuditFilter, error: Signal<Option<AppError>>) -> impl IntoView {
    let day = |date: Option<NaiveDate>| date.map(|date| date.to_string()).unwrap_or_default();
    // Only a filter the server took can be exported.
    let export = error.get_untracked().is_none().then(|| {
        let href = with_query(AUDIT_CSV, &filter.pairs());
        view! {
            <p>
                <a class="button subtle" href=href download="">"Export CSV"</a>
                " "
                <small>{format!("The filtered entries, newest first, {EXPORT_CAP} at most. The export is recorded in the trail.")}</small>
            </p>
        }
    });
    view! {
        <form method="get" action=AUDIT class="search-form audit-filter" role="search">
            <div class="field">
                <Select id="audit-table" name="table" label="Table" field="table" error
                    options=after_blank("Any table", choices::<AuditedTable>(AuditedTable::label))
                    selected=filter.table.map(|table| table.as_db_str()).unwrap_or_default()/>
            </div>
            <div class="field">
                <TextField id="audit-record" name="record" label="Record: number or id" field="record" error
                    value=filter.record.clone() input=Input::kind("search")/>
            </div>
            <div class="field">
                <TextField id="audit-user" name="user" label="User's email" field="user" error
                    value=filter.user.clone() input=Input::kind("search")/>
            </div>
            <div class="field">
                <Select id="audit-action" name="action" label="Action" field="action" error
                    options=after_blank("Any action", choices::<AuditAction>(AuditAction::label))
                    selected=filter.action.map(|action| action.as_db_str()).unwrap_or_default()/>
            </div>
            <div class="field">
                <TextField id="audit-from" name="from" label="From (UTC)" field="from" error
                    value=day(filter.from) input=Input::DATE/>
            </div>
            <div class="field">
                <TextField id="audit-to" name="to" label="To (UTC)" field="to" error
                    value=day(filter.to) input=Input::DATE/>
            </div>
            <button type="submit" class="button">"Filter"</button>
        </form>
        {export}
    }
}

#[component]
fn EntryTable(entries: AuditEntries, filter: AuditFilter) -> impl IntoView {
    let newest = filter
        .after
        .is_some()
        .then(|| with_query(AUDIT, &filter.pairs()));
    let older = entries.older.map(|after| {
        let mut pairs = filter.pairs();
        pairs.push(("after", after.to_string()));
        with_query(AUDIT, &pairs)
    });
    let shown = match entries.entries.len() {
        0 => "No entries match.".to_owned(),
        1 => "1 entry".to_owned(),
        count => format!("{count} entries"),
    };
    view! {
        <p class="result-count" data-testid="audit-count">{shown}</p>
        <div class="table-scroll">
            <table class="data-table audit-table">
                <thead>
                    <tr>
                        <th scope="col">"When (UTC)"</th>
                        <th scope="col">"Who"</th>
                        <th scope="col">"What"</th>
                        <th scope="col">"Changes"</th>
                    </tr>
                </thead>
                <tbody>{entries.entries.into_iter().map(|entry| view! { <EntryRow entry/> }).collect_view()}</tbody>
            </table>
        </div>
        {(newest.is_some() || older.is_some()).then(|| view! {
            <nav class="pager" aria-label="Pages">
                {newest.map(|href| view! { <a class="button subtle" href=href>"Newest entries"</a> })}
                {older.map(|href| view! { <a class="button subtle" href=href rel="next">"Older entries"</a> })}
            </nav>
        })}
    }
}

#[component]
fn EntryRow(entry: AuditEntry) -> impl IntoView {
    let who = match &entry.actor {
        Some(actor) => view! {
            <strong>{actor.name.clone().unwrap_or_else(|| actor.email.clone())}</strong>
            <br/><span>{actor.email.clone()}</span>
            <br/><small>{actor.role.map(|role| role.label())}</small>
        }
        .into_any(),
        None => view! { <em>"No user recorded"</em> }.into_any(),
    };
    let system = entry
        .system_actor
        .clone()
        .map(|actor| view! { <br/><small>{format!("System: {actor}")}</small> });
    let table = entry.table_label().to_owned();
    let action = entry.action;
    let changes = entry
        .changes
        .into_iter()
        .map(|change| view! { <Change change action/> })
        .collect_view();
    view! {
        <tr data-entry=entry.id.to_string()>
            <td class="nowrap">{entry.at.format("%Y-%m-%d %H:%M:%S").to_string()}</td>
            <td>{who}{system}</td>
            <td>
                <strong>{entry.action.label()}</strong>" · "{table}
                <br/><small class="mono">{entry.record}</small>
                <br/><small>{entry.description}</small>
            </td>
            <td><ul class="audit-changes">{changes}</ul></td>
        </tr>
    }
}

/// One field: `field: old → new`; a created record's new value only, a
/// deleted one's old value only.
#[component]
fn Change(change: FieldChange, action: AuditAction) -> impl IntoView {
    let value = |text: Option<String>| {
        text.map_or_else(
            || view! { <em>"empty"</em> }.into_any(),
            |text| text.into_any(),
        )
    };
    let values = match action {
        AuditAction::Create => view! { <ins>{value(change.new)}</ins> }.into_any(),
        AuditAction::Delete => view! { <del>{value(change.old)}</del> }.into_any(),
        _ => view! { <del>{value(change.old)}</del>" → "<ins>{value(change.new)}</ins> }.into_any(),
    };
    let (field, key) = (change.field.clone(), change.field);
    view! {
        <li data-field=key><code>{field}</code>": "{values}</li>
    }
}
