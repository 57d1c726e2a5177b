//! The one set of form fields. Each field is its label, its control, the
//! limit the domain's `text_limit` gives (the input's `maxlength` and the
//! hint under it, the same number the server checks) and the message the
//! form's `AppError` has for it, so a refused form says what is wrong
//! beside each field. `Form` names one form's fields: ids unique on the
//! page (several edit forms may share it), names as the server function
//! reads its nested draft (`draft[field]`).

use std::sync::Arc;

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

/// A text control as its `input` says: a one-line input (plain text
/// unless told) or a text area.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    label: &'static str,
    field: &'static str,
    error: Signal<Option<AppError>>,
    #[prop(optional, into)] value: String,
    #[prop(optional_no_strip)] limit: Option<usize>,
    #[prop(optional)] input: Input,
    #[prop(optional)] minlength: Option<usize>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let Input {
        kind,
        inputmode,
        rows,
        min,
        required,
    } = input;
    let control = match rows {
        Some(rows) => view! {
            <textarea id=id.clone() name=name rows=rows maxlength=limit required=required>{value}</textarea>
        }
        .into_any(),
        None => view! {
            <input id=id.clone() name=name type=kind value=value maxlength=limit min=min
                inputmode=inputmode minlength=minlength required=required autocomplete=autocomplete/>
        }
        .into_any(),
    };
    view! {
        <Field id label field error limit>
            {control}
        </Field>
    }
}

/// A choice of `options` (value, label), `selected` the value chosen;
/// none chosen leaves the browser's first. `on_change` hears each choice.
#[component]
pub fn Select(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    label: &'static str,
    field: &'static str,
    error: Signal<Option<AppError>>,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: String,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] on_change: Option<Callback<String>>,
) -> impl IntoView {
    let options = self::options(&selected, options);
    let changed = move |event| {
        if let Some(on_change) = on_change {
            on_change.run(event_target_value(&event));
        }
    };
    view! {
        <Field id=id.clone() label field error>
            <select id=id name=name required=required on:change=changed>{options}</select>
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

/// `options` after a first, empty choice labelled `blank` ("— none —",
/// the customer's default, …), which a `Select` chooses when its value is
/// empty.
pub fn after_blank(blank: &str, options: Vec<(String, String)>) -> Vec<(String, String)> {
    std::iter::once((String::new(), blank.to_owned()))
        .chain(options)
        .collect()
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

/// How a `Form` field takes its text: the input's type and the keyboard
/// a touch screen shows, a text area's rows, the least number it takes,
/// and whether the browser asks for it before sending.
#[derive(Clone, Copy, Default)]
pub struct Input {
    kind: Option<&'static str>,
    inputmode: Option<&'static str>,
    rows: Option<u32>,
    min: Option<&'static str>,
    required: bool,
}

impl Input {
    /// One line of text.
    pub const LINE: Self = Self {
        kind: None,
        inputmode: None,
        rows: None,
        min: None,
        required: false,
    };
    /// A page of text: a text area.
    pub const AREA: Self = Self::area(2);
    /// A whole number, with the number keyboard.
    pub const WHOLE: Self = Self {
        kind: Some("number"),
        inputmode: Some("numeric"),
        ..Self::LINE
    };
    /// A number with decimals, typed as text so the domain reads it exactly.
    pub const DECIMAL: Self = Self {
        inputmode: Some("decimal"),
        ..Self::LINE
    };
    /// A calendar date.
    pub const DATE: Self = Self::kind("date");
    pub const EMAIL: Self = Self::kind("email");
    pub const PASSWORD: Self = Self::kind("password");

    /// A one-line input of type `kind`.
    pub const fn kind(kind: &'static str) -> Self {
        Self {
            kind: Some(kind),
            ..Self::LINE
        }
    }

    /// A text area of `rows` rows.
    pub const fn area(rows: u32) -> Self {
        Self {
            rows: Some(rows),
            ..Self::LINE
        }
    }

    /// The same, asked for by the browser before the form is sent.
    pub const fn required(self) -> Self {
        Self {
            required: true,
            ..self
        }
    }

    /// The same, taking no number below `min`.
    pub const fn min(self, min: &'static str) -> Self {
        Self {
            min: Some(min),
            ..self
        }
    }
}

/// The most characters a form's text field holds, by the field's name.
type Limits = dyn Fn(&str) -> Option<usize> + Send + Sync;

/// One form's fields, named for a server function taking one nested
/// draft: ids `{id}-{field}`, names `{name}[{field}]`, and each text
/// field's limit from the draft's `text_limit`, which its validation also
/// reads.
#[derive(Clone)]
pub struct Form {
    id: String,
    name: &'static str,
    pub error: Signal<Option<AppError>>,
    limits: Arc<Limits>,
}

impl Form {
    pub fn new(
        id: impl Into<String>,
        name: &'static str,
        error: Signal<Option<AppError>>,
        limits: impl Fn(&str) -> Option<usize> + Send + Sync + 'static,
    ) -> Self {
        Self {
            id: id.into(),
            name,
            error,
            limits: Arc::new(limits),
        }
    }

    pub fn id_of(&self, field: &str) -> String {
        format!("{}-{field}", self.id)
    }

    pub fn name_of(&self, field: &str) -> String {
        format!("{}[{field}]", self.name)
    }

    /// A field whose text `input` takes, with its limit.
    pub fn input(
        &self,
        field: &'static str,
        label: &'static str,
        value: String,
        input: Input,
    ) -> impl IntoView + use<> {
        view! {
            <TextField id=self.id_of(field) name=self.name_of(field) label field error=self.error
                value limit=(self.limits)(field) input/>
        }
    }

    pub fn text(
        &self,
        field: &'static str,
        label: &'static str,
        value: String,
    ) -> impl IntoView + use<> {
        self.input(field, label, value, Input::LINE)
    }

    pub fn text_area(
        &self,
        field: &'static str,
        label: &'static str,
        value: String,
    ) -> impl IntoView + use<> {
        self.input(field, label, value, Input::AREA)
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
