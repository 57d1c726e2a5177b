//! The wizard's working state: the choices, the family they belong to, and
//! the rules they break as the browser checks them or the server refused.

use leptos::prelude::*;
use torvan::FieldError;
use torvan::sink::{FamilyOptions, SinkChoices, WizardStep, check};

use crate::error::AppError;

/// The wizard's working state, shared with its steps through context.
#[derive(Clone, Copy)]
pub struct Draft {
    pub choices: RwSignal<SinkChoices>,
    /// Every family the configuration may switch to.
    pub families: StoredValue<Vec<FamilyOptions>>,
    pub family: Memo<Option<FamilyOptions>>,
    /// The rules the choices break now, as the browser checks them.
    pub problems: Memo<Vec<FieldError>>,
    /// What the server refused on the last attempt.
    pub refused: RwSignal<Vec<FieldError>>,
    pub readonly: bool,
}

impl Draft {
    pub fn new(choices: SinkChoices, families: Vec<FamilyOptions>, readonly: bool) -> Self {
        let choices = RwSignal::new(choices);
        let families = StoredValue::new(families);
        // Keyed on the code, so a keystroke elsewhere does not copy the family.
        let code = Memo::new(move |_| choices.with(|choices| choices.family.clone()));
        let family = Memo::new(move |_| {
            let code = code.get();
            families
                .with_value(|families| families.iter().find(|family| family.code == code).cloned())
        });
        let problems = Memo::new(move |_| match family.get() {
            Some(family) => choices.with(|choices| check(choices, &family)),
            None => vec![FieldError::new("family", "Choose a sink family.")],
        });
        Self {
            choices,
            families,
            family,
            problems,
            refused: RwSignal::new(Vec::new()),
            readonly,
        }
    }

    pub fn update(&self, change: impl FnOnce(&mut SinkChoices)) {
        self.choices.update(change);
    }

    /// The message to show at `field`: the browser's own check first, else
    /// the server's last word.
    pub fn message(&self, field: &str) -> Option<String> {
        let find = |errors: &Vec<FieldError>| {
            errors
                .iter()
                .find(|error| error.field == field)
                .map(|error| error.message.clone())
        };
        self.problems.with(find).or_else(|| self.refused.with(find))
    }

    pub fn problems_on(&self, step: WizardStep) -> Vec<FieldError> {
        self.problems.with(|problems| {
            problems
                .iter()
                .filter(|problem| WizardStep::of_field(&problem.field) == step)
                .cloned()
                .collect()
        })
    }
}

/// The field messages inside a refusal from the server.
pub fn refusals(error: &AppError) -> Vec<FieldError> {
    match error {
        AppError::InvalidFields(errors) => errors.clone(),
        AppError::Invalid { field, message } => vec![FieldError::new(field, message.clone())],
        _ => Vec::new(),
    }
}
