//! The record's frozen revisions on its page: each stored PDF with when,
//! by whom and why it was frozen, the hash of its text and its signature;
//! whether the record still reads as the last one; and, for a person who
//! may approve documents, the form that issues a corrected revision (a
//! reason and a signature).

use leptos::prelude::*;
use torvan::signature::Meaning;
use torvan::{Action, Resource};

use super::api::CorrectBuildRecord;
use super::model::RecordRevisions;
use crate::shell::{FieldMessage, FormError, Permitted, action_error};
use crate::signatures::{SignSubmit, Signatures};

#[component]
pub fn RevisionsSection(
    build_number: String,
    revisions: RecordRevisions,
    correct: ServerAction<CorrectBuildRecord>,
) -> impl IntoView {
    let changed = revisions.changed_since();
    let standing = match (revisions.revisions.last(), changed) {
        (None, _) => {
            "Not frozen yet: the record is frozen as revision 1 when the order ships.".to_owned()
        }
        (Some(_), Some(revision)) => format!(
            "The record has changed since revision {revision} was frozen; the stored revisions are unchanged."
        ),
        (Some(last), None) => format!(
            "The record reads exactly as revision {} does.",
            last.revision
        ),
    };
    let may_correct = revisions.may_correct && changed.is_some();
    let target = StoredValue::new(build_number.clone());
    let error = action_error(correct);
    let rows = revisions
        .revisions
        .into_iter()
        .map(|revision| {
            let download =
                crate::routes::build_record_revision_pdf(&build_number, revision.revision);
            view! {
                <tr>
                    <td>{revision.revision}</td>
                    <td class="nowrap">{revision.frozen_at}</td>
                    <td>{revision.by.unwrap_or_else(|| "TORVAN, at shipment".into())}</td>
                    <td>{revision.reason.unwrap_or_else(|| "Frozen when the order shipped".into())}
                        <Signatures signatures=revision.signatures/></td>
                    <td class="hash">{revision.content_hash}</td>
                    <td class="no-print"><a href=download download>"PDF"</a></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="record-section" aria-labelledby="record-revisions" data-testid="record-revisions">
            <h2 id="record-revisions">"Frozen revisions"</h2>
            <p data-testid="record-standing">{standing}</p>
            <table class="data-table record-table">
                <thead><tr>
                    <th scope="col">"Revision"</th><th scope="col">"Frozen"</th><th scope="col">"By"</th>
                    <th scope="col">"Why"</th><th scope="col">"Text SHA-256"</th><th scope="col" class="no-print">"File"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {may_correct.then(|| view! {
                <Permitted on=Resource::Documents action=Action::Approve>
                    <ActionForm action=correct attr:class="form no-print">
                        <input type="hidden" name="build_number" value=target.get_value()/>
                        <label for="correction-reason">"What was corrected, and why"</label>
                        <textarea id="correction-reason" name="reason" rows="2" maxlength="1000"></textarea>
                        <FieldMessage error field="reason"/>
                        <SignSubmit label="Issue a corrected revision" meaning=Meaning::Approved error id="correct-record"
                            statement="You approve the record as it reads now as the next revision, for the reason given."/>
                        <FormError error/>
                    </ActionForm>
                </Permitted>
            })}
        </section>
    }
}
