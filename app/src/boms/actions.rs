//! What a user does to a BOM version: submit, send back, approve with its
//! stock, issue that stock or withdraw the approval, and generate a new
//! version.

use leptos::form::ActionForm;
use leptos::prelude::*;
use torvan::bom::BomStatus;
use torvan::signature::Meaning;
use torvan::{Action, BuildNumber, DbEnum, OrderNumber};

use super::api::{ApproveBom, GenerateBom};
use super::page::BomActions;
use crate::shell::{ConfirmSubmit, FieldMessage, FormError, Permitted, action_error};
use crate::signatures::SignSubmit;

#[component]
pub(super) fn StatusButtons(
    id: uuid::Uuid,
    status: BomStatus,
    actions: BomActions,
    /// Why the viewer may not approve: they generated this version.
    approval_refused: Option<String>,
) -> impl IntoView {
    let status_error = action_error(actions.status);
    let approve_error = action_error(actions.approve);
    let withdraw_error = action_error(actions.withdraw);
    let issue_error = action_error(actions.issue);
    let shortages = move || {
        actions.approve.value().get().and_then(Result::ok).filter(|short| !short.is_empty()).map(|short| view! {
            <div class="notice" role="status">
                <p>"Approved. These parts are short and were allocated as far as stock allows:"</p>
                <ul>{short.into_iter().map(|line| view! { <li>{line.to_string()}</li> }).collect_view()}</ul>
            </div>
        })
    };
    let moves = [
        (BomStatus::PendingApproval, "Submit for approval"),
        (BomStatus::Draft, "Send back to draft"),
    ];
    view! {
        <div class="actions">
            {moves.into_iter().filter(|(to, _)| status.can_move(*to)).map(|(to, label)| view! {
                <ActionForm action=actions.status attr:class="inline-form">
                    <input type="hidden" name="bom_id" value=id.to_string()/>
                    <input type="hidden" name="to" value=to.as_db_str()/>
                    <button type="submit" class="button">{label}</button>
                </ActionForm>
            }).collect_view()}
            {status.can_move(BomStatus::Approved).then(|| match approval_refused.clone() {
                None => view! {
                    <Permitted on=torvan::Resource::Boms action=Action::Approve>
                        <ApproveForms id action=actions.approve/>
                    </Permitted>
                }.into_any(),
                Some(why) => view! {
                    <Permitted on=torvan::Resource::Boms action=Action::Approve>
                        <p class="notice" data-testid="approval-refused">{why.clone()}</p>
                    </Permitted>
                }.into_any(),
            })}
            {(status == BomStatus::Approved).then(|| view! {
                <HeldStockForms id actions/>
            })}
        </div>
        <FormError error=status_error/>
        <FormError error=approve_error/>
        <FormError error=withdraw_error/>
        <FormError error=issue_error/>
        {shortages}
    }
}

/// The two ways to approve, each signed in its own dialog.
#[component]
fn ApproveForms(id: uuid::Uuid, action: ServerAction<ApproveBom>) -> impl IntoView {
    let error = action_error(action);
    [
        (false, "Approve and allocate stock", "approve-bom"),
        (true, "Approve, allocating what is available", "approve-bom-partial"),
    ]
    .into_iter()
    .map(|(partial, label, form_id)| view! {
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="bom_id" value=id.to_string()/>
            <input type="hidden" name="partial" value=partial.to_string()/>
            <SignSubmit
                label
                meaning=Meaning::Approved
                statement="You approve this BOM version for production: its lines, part numbers and quantities as shown."
                error
                id=form_id
                class=if partial { "button subtle" } else { "button" }
            />
        </ActionForm>
    })
    .collect_view()
}

/// What ends an approved version's hold on its stock: issuing it to the
/// build, or withdrawing the approval.
#[component]
fn HeldStockForms(id: uuid::Uuid, actions: BomActions) -> impl IntoView {
    view! {
        <ActionForm action=actions.issue attr:class="inline-form">
            <input type="hidden" name="bom_id" value=id.to_string()/>
            <ConfirmSubmit
                label="Issue stock to the build".to_owned()
                consequence="The parts this BOM holds, and any of what it still lacks that is now in stock, leave the shelf for the build. Returning them takes a stock movement.".to_owned()
            />
        </ActionForm>
        <Permitted on=torvan::Resource::Boms action=Action::Approve>
            <ActionForm action=actions.withdraw attr:class="inline-form">
                <input type="hidden" name="bom_id" value=id.to_string()/>
                <ConfirmSubmit
                    label="Withdraw approval".to_owned()
                    consequence="This version becomes obsolete and the stock it holds goes back to the shelf; a new version must be approved before production can use a BOM again.".to_owned()
                    class="button subtle"
                />
            </ActionForm>
        </Permitted>
    }
}

#[component]
pub(super) fn GenerateForm(
    order_number: OrderNumber,
    build_number: BuildNumber,
    action: ServerAction<GenerateBom>,
) -> impl IntoView {
    let error = action_error(action);
    view! {
        <section class="card narrow" aria-labelledby="generate-heading">
            <h2 id="generate-heading">"Generate a new version"</h2>
            <ActionForm action attr:class="form">
                <input type="hidden" name="order_number" value=order_number.to_string()/>
                <input type="hidden" name="build_number" value=build_number.to_string()/>
                <label for="generate-reason">"Why a new version"</label>
                <input id="generate-reason" name="reason" placeholder="e.g. template corrected"/>
                <FieldMessage error field="reason"/>
                <FormError error/>
                <button type="submit" class="button">"Generate BOM"</button>
            </ActionForm>
        </section>
    }
}
