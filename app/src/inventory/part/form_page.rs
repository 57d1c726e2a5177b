//! The part form: a new part, a new 700-series part, or a part edited, all
//! through one form whose fields are a `PartDraft`.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use torvan::part_spec::{PartDraft, text_limit};
use torvan::{Action, CustomCategory, DbEnum, MakeOrBuy, PartStatus, UnitOfMeasure};

use super::api::{CreateCustomPart, SavePart, get_part, part_form_options};
use super::model::PartFormChoices;
use crate::error::AppError;
use crate::inventory::catalogue::{Breadcrumbs, Crumb};
use crate::shell::form::{self, Form, Input, Select};
use crate::shell::{FormError, Loaded, PermittedPage, action_error};

/// Opens the saved part's page once an action returns its number.
fn open_saved_part(saved: Signal<Option<String>>) {
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(number) = saved.get() {
            navigate(&crate::routes::part(&number), Default::default());
        }
    });
}

/// `/inventory/parts/new?place=…`
#[component]
pub fn NewPartPage() -> impl IntoView {
    let query = use_query_map();
    let place = StoredValue::new(query.read_untracked().get("place").unwrap_or_default());
    let options = Resource::new(|| (), |_| part_form_options());
    view! {
        <PermittedPage on=torvan::Resource::Inventory action=Action::Create>
            <Title text="New part"/>
            <Breadcrumbs trail=Vec::new() current="New part".to_owned()/>
            <h1>"New part"</h1>
            <Loaded resource=options loading="Loading…" render=move |options| {
                let draft = PartDraft {
                    hierarchy_path: place.get_value(),
                    ..PartDraft::default()
                };
                view! { <SavePartForm draft options original=None/> }
            }/>
        </PermittedPage>
    }
}

/// `/inventory/parts/:number/edit`
#[component]
pub fn EditPartPage() -> impl IntoView {
    let params = use_params_map();
    let number = params.read_untracked().get("number").unwrap_or_default();
    let both = Resource::new(
        move || number.clone(),
        |number| async move {
            let part = get_part(number).await?;
            Ok::<_, AppError>((part.draft, part_form_options().await?))
        },
    );
    view! {
        <PermittedPage on=torvan::Resource::Inventory action=Action::Update>
            <Title text="Edit part"/>
            <Loaded resource=both loading="Loading…" render=move |(draft, options)| {
                let original = Some(draft.part_number.clone());
                let part = Crumb {
                    label: draft.part_number.clone(),
                    href: crate::routes::part(&draft.part_number),
                };
                view! {
                    <Breadcrumbs trail=vec![part] current="Edit".to_owned()/>
                    <h1>"Edit part "{draft.part_number.clone()}</h1>
                    <SavePartForm draft options original/>
                }
            }/>
        </PermittedPage>
    }
}

#[component]
fn SavePartForm(
    draft: PartDraft,
    options: PartFormChoices,
    original: Option<String>,
) -> impl IntoView {
    let action = ServerAction::<SavePart>::new();
    let error = action_error(action);
    open_saved_part(Signal::derive(move || {
        action.value().get().and_then(Result::ok)
    }));
    let label = if original.is_some() {
        "Save part"
    } else {
        "Create part"
    };
    view! {
        <ActionForm action attr:class="form part-form">
            <FormError error/>
            {original.map(|number| view! { <input type="hidden" name="original" value=number/> })}
            <PartFields draft options error with_number=true/>
            <button type="submit" class="button">{label}</button>
        </ActionForm>
    }
}

/// `/inventory/parts/new-custom`: a 700-series part, numbered on creation.
#[component]
pub fn NewCustomPartPage() -> impl IntoView {
    let options = Resource::new(|| (), |_| part_form_options());
    view! {
        <PermittedPage on=torvan::Resource::Inventory action=Action::Create>
            <Title text="New custom part"/>
            <Breadcrumbs trail=Vec::new() current="New custom part".to_owned()/>
            <h1>"New custom part"</h1>
            <p class="hint">"The part gets the next number of its series, such as 710-0001, when you create it."</p>
            <Loaded resource=options loading="Loading…" render=move |options| view! { <CustomPartForm options/> }/>
        </PermittedPage>
    }
}

#[component]
fn CustomPartForm(options: PartFormChoices) -> impl IntoView {
    let action = ServerAction::<CreateCustomPart>::new();
    let error = action_error(action);
    open_saved_part(Signal::derive(move || {
        action.value().get().and_then(Result::ok)
    }));
    view! {
        <ActionForm action attr:class="form part-form">
            <FormError error/>
            <Select id="custom-category" name="category" label="Series" field="category" error
                options=form::choices(CustomCategory::label)/>
            <PartFields draft=PartDraft::default() options error with_number=false/>
            <button type="submit" class="button">"Create custom part"</button>
        </ActionForm>
    }
}

/// `current`, or `default` when the draft has none yet.
fn or_default(current: String, default: impl DbEnum) -> String {
    if current.is_empty() {
        default.as_db_str().to_owned()
    } else {
        current
    }
}

#[component]
fn PartFields(
    draft: PartDraft,
    options: PartFormChoices,
    error: Signal<Option<AppError>>,
    with_number: bool,
) -> impl IntoView {
    let form = Form::new("part", "draft", error, text_limit);
    let number = with_number.then(|| form.text("part_number", "Part number", draft.part_number));
    let make = or_default(draft.make_or_buy, MakeOrBuy::Buy);
    let status = or_default(draft.status, PartStatus::Active);
    let whole = |field, label, value| form.input(field, label, value, Input::WHOLE);
    view! {
        <fieldset>
            <legend>"Identification"</legend>
            {number}
            {form.text("name", "Name", draft.name)}
            {form.text_area("description", "Description", draft.description)}
            {form.select("hierarchy_path", "Place in the catalogue", form::after_blank("— none —", options.places), draft.hierarchy_path)}
            {form.text("part_type", "Type (e.g. COMPONENT)", draft.part_type)}
            {form.select("unit_of_measure", "Unit of measure", form::choices(UnitOfMeasure::label), draft.unit_of_measure)}
            {form.select("make_or_buy", "Make or buy", form::choices(MakeOrBuy::label), make)}
            {form.select("status", "Status", form::choices(PartStatus::label), status)}
            {form.text("replacement_part_number", "Replaced by (part number, obsolete parts only)", draft.replacement_part_number)}
        </fieldset>
        <fieldset>
            <legend>"Reordering"</legend>
            {whole("reorder_point", "Reorder point", draft.reorder_point)}
            {whole("reorder_quantity", "Reorder quantity", draft.reorder_quantity)}
            {whole("safety_stock", "Safety stock", draft.safety_stock)}
            {whole("minimum_order_quantity", "Minimum order quantity", draft.minimum_order_quantity)}
            {whole("order_multiple", "Order multiple", draft.order_multiple)}
            {whole("lead_time_days", "Lead time (days)", draft.lead_time_days)}
        </fieldset>
        <fieldset>
            <legend>"Cost and vendor"</legend>
            {form.text("standard_cost", "Standard cost ($)", draft.standard_cost)}
            {form.select("vendor_code", "Vendor", form::after_blank("— none —", options.vendors), draft.vendor_code)}
            {form.text("vendor_part_number", "Vendor part number", draft.vendor_part_number)}
        </fieldset>
        <fieldset>
            <legend>"Physical and control"</legend>
            {form.text("material", "Material", draft.material)}
            {form.text("finish", "Finish", draft.finish)}
            {form.check("lot_control", "Lot controlled", &draft.lot_control)}
            {form.check("serial_control", "Serial controlled", &draft.serial_control)}
        </fieldset>
    }
}
