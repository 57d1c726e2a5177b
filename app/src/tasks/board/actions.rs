//! The task page's actions on who does the task and its approval: take
//! it (an assembler at its work center), give it to someone (a
//! coordinator, the people at its work center listed first), approve it
//! (a coordinator, where its step asks), and the boards it is on. Each
//! form is shown only to a role the table lets call it; the server checks
//! the task itself. The page reloads after a change: the task's version
//! rose, and what it shows is read again.

use leptos::form::ActionForm;
use leptos::prelude::*;
use torvan::{Action, Resource as Area};

use super::api::{ApproveTask, AssignTask, TakeTask, assignable_users};
use super::model::Assignable;
use crate::error::AppError;
use crate::shell::{FormError, Permitted, SignedInUser, action_error, reload_on_success};
use crate::tasks::TaskDetail;

/// Reloads the task page once `action` succeeded.
#[component]
pub fn TaskActions(task: TaskDetail) -> impl IntoView {
    let number = task.number.to_string();
    let path = crate::routes::task(&number);
    let take = ServerAction::<TakeTask>::new();
    let assign = ServerAction::<AssignTask>::new();
    let approve = ServerAction::<ApproveTask>::new();
    reload_on_success(take, path.clone());
    reload_on_success(assign, path.clone());
    reload_on_success(approve, path);
    let stored = StoredValue::new(number.clone());
    // Made here, outside the `Permitted` that shows the form: made inside
    // it, hydration would not match (see `admin::ChainPanel`). Asked only
    // for a role that may assign: a refused call would make the page a 403.
    let user = expect_context::<SignedInUser>();
    let people = Resource::new(
        move || stored.get_value(),
        move |number| async move {
            if user.may(Area::Tasks, Action::Create).await {
                assignable_users(number).await
            } else {
                Ok(Vec::new())
            }
        },
    );
    let take_form = task.assignee.is_none().then(|| {
        view! {
            <Permitted on=Area::Tasks action=Action::Update>
                <ActionForm action=take attr:class="inline-form">
                    <input type="hidden" name="task_number" value=stored.get_value()/>
                    <button type="submit" class="button">"Take this task"</button>
                </ActionForm>
                <FormError error=action_error(take)/>
            </Permitted>
        }
    });
    let approve_form = (task.approval_required && task.approved.is_none()).then(|| {
        view! {
            <Permitted on=Area::Tasks action=Action::Approve>
                <ActionForm action=approve attr:class="inline-form">
                    <input type="hidden" name="task_number" value=stored.get_value()/>
                    <button type="submit" class="button">"Approve"</button>
                </ActionForm>
                <FormError error=action_error(approve)/>
            </Permitted>
        }
    });
    view! {
        <section class="card narrow" aria-labelledby="actions-heading">
            <h2 id="actions-heading">"Who and what next"</h2>
            <p>
                <a href=crate::routes::work_center_board(&task.work_center)>{format!("{} board", task.work_center_name)}</a>
                " · "
                <a href=crate::routes::order_board(&task.order_number)>{format!("Board of {}", task.order_number)}</a>
            </p>
            {take_form}
            // Giving tasks to people is the coordinator's, who creates them.
            <Permitted on=Area::Tasks action=Action::Create>
                <AssignForm action=assign people number=stored.get_value()/>
            </Permitted>
            {approve_form}
        </section>
    }
}

#[component]
fn AssignForm(
    action: ServerAction<AssignTask>,
    people: Resource<Result<Vec<Assignable>, AppError>>,
    number: String,
) -> impl IntoView {
    let number = StoredValue::new(number);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let people = people.await.unwrap_or_default();
                let options = people
                    .into_iter()
                    .map(|person| {
                        let label = if person.at_work_center {
                            format!("{} (this work center)", person.name)
                        } else {
                            person.name
                        };
                        view! { <option value=person.id.to_string()>{label}</option> }
                    })
                    .collect_view();
                view! {
                    <ActionForm action attr:class="inline-form">
                        <input type="hidden" name="task_number" value=number.get_value()/>
                        <label for="assignee">"Give to"</label>
                        <select id="assignee" name="assignee">
                            <option value="">"Nobody"</option>
                            {options}
                        </select>
                        <button type="submit" class="button secondary">"Assign"</button>
                    </ActionForm>
                    <FormError error=action_error(action)/>
                }
            })}
        </Suspense>
    }
}
