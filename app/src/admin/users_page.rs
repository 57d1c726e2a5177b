//! The users page: every account with its role, status, lock and
//! sessions, the changes an admin makes to each, and the new-user form.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use torvan::account::NewUser;
use torvan::password::MIN_LENGTH;
use torvan::{Action, DbEnum, Role, UserStatus};

use super::api::*;
use super::chain_panel::ChainPanel;
use super::health_panel::HealthPanel;
use super::model::UserRow;
use super::signature_policy_panel::SignaturePolicyPanel;
use crate::error::AppError;
use crate::retention::{RetentionPanel, retention_overview};
use crate::shell::form::{Input, Select, TextField, choices};
use crate::shell::{Loaded, Permitted, PermittedPage, action_error, successes};
use crate::signatures::{SetSignaturePolicy, get_signature_policy};

#[component]
pub fn UsersPage() -> impl IntoView {
    let actions = UserActions::new();
    let saved = actions.saves();
    let users = Resource::new(move || saved.get(), |_| list_users());
    let chain = Resource::new(|| (), |_| last_chain_verification());
    let health = Resource::new(|| (), |_| latest_health_checks());
    let retention = Resource::new(|| (), |_| retention_overview());
    let policy_saved = ServerAction::<SetSignaturePolicy>::new();
    let policy = Resource::new(
        move || policy_saved.version().get(),
        |_| get_signature_policy(),
    );

    view! {
        <PermittedPage on=torvan::Resource::Users action=Action::Read>
            <Title text="Users"/>
            <h1>"Users"</h1>
            <Feedback actions/>
            <Loaded resource=users loading="Loading users…" render=move |users| {
                view! { <UserTable users actions/> }
            }/>
            <Permitted on=torvan::Resource::Users action=Action::Create>
                <NewUserForm action=actions.create/>
            </Permitted>
            <Permitted on=torvan::Resource::Audit action=Action::Read>
                <ChainPanel last=chain/>
            </Permitted>
            <HealthPanel latest=health/>
            <RetentionPanel overview=retention/>
            <Permitted on=torvan::Resource::Users action=Action::Update>
                <SignaturePolicyPanel allowed=policy action=policy_saved/>
            </Permitted>
        </PermittedPage>
    }
}

/// Every change the page can make; the list reloads after any of them.
#[derive(Clone, Copy)]
struct UserActions {
    create: ServerAction<CreateUser>,
    role: ServerAction<ChangeRole>,
    status: ServerAction<SetUserStatus>,
    reset: ServerAction<ResetPassword>,
    unlock: ServerAction<UnlockUser>,
    end_sessions: ServerAction<EndUserSessions>,
}

impl UserActions {
    fn new() -> Self {
        Self {
            create: ServerAction::new(),
            role: ServerAction::new(),
            status: ServerAction::new(),
            reset: ServerAction::new(),
            unlock: ServerAction::new(),
            end_sessions: ServerAction::new(),
        }
    }

    /// Successful changes so far; the list reloads after each.
    fn saves(&self) -> Signal<usize> {
        let counts = [
            successes(self.create),
            successes(self.role),
            successes(self.status),
            successes(self.reset),
            successes(self.unlock),
            successes(self.end_sessions),
        ];
        Signal::derive(move || counts.iter().map(|count| count.get()).sum())
    }

    /// The error of the most recent failed change, if any.
    fn error(&self) -> Option<AppError> {
        [
            self.create.value().get().and_then(Result::err),
            self.role.value().get().and_then(Result::err),
            self.status.value().get().and_then(Result::err),
            self.reset.value().get().and_then(Result::err),
            self.unlock.value().get().and_then(Result::err),
            self.end_sessions.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
    }
}

#[component]
fn Feedback(actions: UserActions) -> impl IntoView {
    move || {
        actions
            .error()
            .map(|error| view! { <p class="form-error" role="alert">{error.to_string()}</p> })
    }
}

#[component]
fn UserTable(users: Vec<UserRow>, actions: UserActions) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Email"</th>
                        <th scope="col">"Role"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Last sign-in"</th>
                        <th scope="col">"Sessions"</th>
                        <th scope="col">"Actions"</th>
                    </tr>
                </thead>
                <tbody>
                    {users.into_iter().map(|user| view! { <UserRowView user actions/> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn UserRowView(user: UserRow, actions: UserActions) -> impl IntoView {
    let id = user.id.to_string();
    let who = user.name.clone();
    let status = match user.locked_until {
        Some(until) => format!("Locked until {}", until.format("%H:%M UTC")),
        None => user.status.label().to_owned(),
    };
    let last_login = user
        .last_login_at
        .map_or("Never".to_owned(), torvan::text::minute_utc);
    let (next_status, status_verb) = match user.status {
        UserStatus::Active => (UserStatus::Suspended, "Suspend"),
        _ => (UserStatus::Active, "Reactivate"),
    };
    let role_options = Role::ALL
        .iter()
        .map(|&role| {
            view! { <option value=role.as_db_str() selected=role == user.role>{role.label()}</option> }
        })
        .collect_view();
    let unlock_id = id.clone();
    let unlock_label = format!("Unlock {who}");
    let unlock = user.locked_until.map(move |_| {
        view! {
            <ActionForm action=actions.unlock attr:class="inline-form">
                <input type="hidden" name="user_id" value=unlock_id/>
                <button type="submit" class="button subtle" aria-label=unlock_label>"Unlock"</button>
            </ActionForm>
        }
    });
    let (id_role, id_status, id_end, id_reset) = (id.clone(), id.clone(), id.clone(), id);
    let role_label = format!("Role of {who}");
    let save_label = format!("Save role of {who}");
    let status_label = format!("{status_verb} {who}");
    let end_label = format!("End sessions of {who}");
    let new_password_label = format!("New password for {who}");
    let reset_label = format!("Reset password of {who}");

    let reset = (!user.is_viewer).then(|| {
        view! {
            <ActionForm action=actions.reset attr:class="inline-form">
                <input type="hidden" name="user_id" value=id_reset/>
                <input type="password" name="new_password" autocomplete="new-password" minlength=MIN_LENGTH
                    required aria-label=new_password_label/>
                <button type="submit" class="button subtle" aria-label=reset_label>"Reset password"</button>
            </ActionForm>
        }
    });

    let row_key = user.email.clone();
    view! {
        <tr data-email=row_key>
            <th scope="row">{user.name}</th>
            <td>{user.email}</td>
            <td>
                <ActionForm action=actions.role attr:class="inline-form">
                    <input type="hidden" name="user_id" value=id_role/>
                    <select name="role" aria-label=role_label>{role_options}</select>
                    <button type="submit" class="button subtle" aria-label=save_label>"Save"</button>
                </ActionForm>
            </td>
            <td>{status}</td>
            <td class="nowrap">{last_login}</td>
            <td class="num">{user.active_sessions}</td>
            <td class="row-actions">
                <ActionForm action=actions.status attr:class="inline-form">
                    <input type="hidden" name="user_id" value=id_status/>
                    <input type="hidden" name="status" value=next_status.as_db_str()/>
                    <button type="submit" class="button subtle" aria-label=status_label>{status_verb}</button>
                </ActionForm>
                {unlock}
                <ActionForm action=actions.end_sessions attr:class="inline-form">
                    <input type="hidden" name="user_id" value=id_end/>
                    <button type="submit" class="button subtle" aria-label=end_label>"End sessions"</button>
                </ActionForm>
                {reset}
            </td>
        </tr>
    }
}

/// The new-user form; its fields are flat arguments of `create_user`, so
/// each is placed by its own id and name.
#[component]
fn NewUserForm(action: ServerAction<CreateUser>) -> impl IntoView {
    let error = action_error(action);
    let limit = NewUser::text_limit;
    view! {
        <section class="card narrow" aria-labelledby="new-user">
            <h2 id="new-user">"New user"</h2>
            <ActionForm action attr:class="form">
                <TextField id="new-email" name="email" label="Email" field="email" error
                    input=Input::EMAIL.required() limit=limit("email")/>
                <TextField id="new-first-name" name="first_name" label="First name" field="first_name"
                    error input=Input::LINE.required() limit=limit("first_name")/>
                <TextField id="new-last-name" name="last_name" label="Last name" field="last_name"
                    error input=Input::LINE.required() limit=limit("last_name")/>
                <Select id="new-role" name="role" label="Role" field="role" error
                    options=choices(Role::label)/>
                <TextField id="new-password" name="password" label="Initial password" field="password"
                    error input=Input::PASSWORD.required() autocomplete="new-password" minlength=MIN_LENGTH/>
                <button type="submit" class="button">"Create user"</button>
            </ActionForm>
        </section>
    }
}
