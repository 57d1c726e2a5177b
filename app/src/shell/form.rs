//! The one set of form fields. Each field is its label, its control, the
//! limit the domain's `text_limit` gives (the input's `maxlength` and the
//! hint under it, the same number the server checks) and the message the
//! form's `AppError` has for it, so a refused form says what is wrong
//! beside each field. `Form` names one form's fields: ids unique on the
//! page (several edit forms may share it), names as the server function
//! reads its nested draft (`draft[field]`).

use leptos::prelude::*;
use torvan::DbEnum;

use super::FieldMessage;
use crate::error::AppError;
use crate::limit_hint::LimitHint;

/// The frame every labelled field shares: the label, the control
/// (`children`), the limit under it and the field's message.
#[component]
pub fn Field(
    /// The control's id, which the label points at.
    id: String,
    label: &'static str,
    /// The field as the form's errors name it.
    field: &'static str,
    error: Signal<Option<AppError>>,
    #[prop(optional_no_strip)] limit: Option<usize>,
    children: Children,
) -> impl IntoView {
    view! {
        <label for=id>{label}</label>
        {children()}
        <LimitHint limit/>
        <FieldMessage error field/>
    }
}

/// A one-line input; `kind` is its `type` (`email`, `password`, …), plain
/// text when not given.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    label: &'static str,
    field: &'static str,
    error: Signal<Option<AppError>>,
    #[prop(optional, into)] value: String,
    #[prop(optional_no_strip)] limit: Option<usize>,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] minlength: Option<usize>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    view! {
        <Field id=id.clone() label field error limit>
            <input id=id name=name type=kind value=value maxlength=limit
                minlength=minlength required=required autocomplete=autocomplete/>
        </Field>
    }
}

/// A text area for a page of text.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    label: &'static str,
    field: &'static str,
    error: Signal<Option<AppError>>,
    #[prop(optional, into)] value: String,
    #[prop(optional_no_strip)] limit: Option<usize>,
) -> impl IntoView {
    view! {
        <Field id=id.clone() label field error limit>
            <textarea id=id name=name rows="2" maxlength=limit>{value}</textarea>
        </Field>
    }
}

/// A choice of `options` (value, label), `selected` the value chosen;
/// none chosen leaves the browser's first.
#[component]
pub fn Select(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    label: &'static str,
    field: &'static str,
    error: Signal<Option<AppError>>,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: String,
) -> impl IntoView {
    let options = self::options(&selected, options);
    view! {
        <Field id=id.clone() label field error>
            <select id=id name=name>{options}</select>
        </Field>
    }
}

/// `<option>`s of (value, label) pairs, the one whose value is `selected`
/// chosen: the one rendering of a select's options.
pub fn options(selected: &str, options: Vec<(String, String)>) -> impl IntoView + use<> {
    options
        .into_iter()
        .map(|(value, label)| {
            let chosen = value == selected;
            view! { <option value=value selected=chosen>{label}</option> }
        })
        .collect_view()
}

/// An enum's variants as a `Select`'s options, each with its label.
pub fn choices<E: DbEnum>(label: fn(E) -> &'static str) -> Vec<(String, String)> {
    E::ALL
        .iter()
        .map(|&variant| (variant.as_db_str().to_owned(), label(variant).to_owned()))
        .collect()
}

/// A checkbox sending `yes` when ticked (`torvan::text::ticked`).
#[component]
pub fn Checkbox(
    #[prop(into)] name: String,
    label: &'static str,
    field: &'static str,
    error: Signal<Option<AppError>>,
    checked: bool,
) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" name=name value="yes" checked=checked/>
            {label}
        </label>
        <FieldMessage error field/>
    }
}

/// One form's fields, named for a server function taking one nested
/// draft: ids `{id}-{field}`, names `{name}[{field}]`, and each text
/// field's limit from the draft's `text_limit`, which its validation also
/// reads.
#[derive(Clone)]
pub struct Form {
    id: String,
    name: &'static str,
    pub error: Signal<Option<AppError>>,
    limits: torvan::text::Limits,
}

impl Form {
    pub fn new(
        id: impl Into<String>,
        name: &'static str,
        error: Signal<Option<AppError>>,
        limits: torvan::text::Limits,
    ) -> Self {
        Self {
            id: id.into(),
            name,
            error,
            limits,
        }
    }

    pub fn id_of(&self, field: &str) -> String {
        format!("{}-{field}", self.id)
    }

    pub fn name_of(&self, field: &str) -> String {
        format!("{}[{field}]", self.name)
    }

    pub fn text(
        &self,
        field: &'static str,
        label: &'static str,
        value: String,
    ) -> impl IntoView + use<> {
        view! {
            <TextField id=self.id_of(field) name=self.name_of(field) label field error=self.error
                value limit=(self.limits)(field)/>
        }
    }

    pub fn text_area(
        &self,
        field: &'static str,
        label: &'static str,
        value: String,
    ) -> impl IntoView + use<> {
        view! {
            <TextArea id=self.id_of(field) name=self.name_of(field) label field error=self.error
                value limit=(self.limits)(field)/>
        }
    }

    pub fn select(
        &self,
        field: &'static str,
        label: &'static str,
        options: Vec<(String, String)>,
        selected: String,
    ) -> impl IntoView + use<> {
        view! {
            <Select id=self.id_of(field) name=self.name_of(field) label field error=self.error
                options selected/>
        }
    }

    /// A checkbox ticked when the draft's value is (`torvan::text::ticked`).
    pub fn check(
        &self,
        field: &'static str,
        label: &'static str,
        on: &str,
    ) -> impl IntoView + use<> {
        view! {
            <Checkbox name=self.name_of(field) label field error=self.error
                checked=torvan::text::ticked(on)/>
        }
    }
}

/// Counts a successful save from a form with its own action, so the page
/// reloads as it does after its shared actions.
pub fn reload_after<I, O>(action: ServerAction<I>, edits: RwSignal<usize>)
where
    I: server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Effect::new(move || {
        if let Some(Ok(_)) = action.value().get() {
            edits.update(|count| *count += 1);
        }
    });
}
