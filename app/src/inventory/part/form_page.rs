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
use crate::limit_hint::LimitHint;
use crate::shell::{FieldMessage, FormError, Loaded, PermittedPage, action_error, form};

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
    let series = CustomCategory::ALL
        .iter()
        .map(|&category| view! { <option value=category.as_db_str()>{category.label()}</option> })
        .collect_view();
    view! {
        <ActionForm action attr:class="form part-form">
            <FormError error/>
            <label for="custom-category">"Series"</label>
            <select id="custom-category" name="category">{series}</select>
            <FieldMessage error field="category"/>
            <PartFields draft=PartDraft::default() options error with_number=false/>
            <button type="submit" class="button">"Create custom part"</button>
        </ActionForm>
    }
}

fn choices<E: DbEnum>(current: String, label: fn(E) -> &'static str) -> impl IntoView {
    form::options(&current, form::choices(label))
}

fn pairs(current: String, options: Vec<(String, String)>) -> impl IntoView {
    let selected_none = current.is_empty();
    view! {
        <option value="" selected=selected_none>"— none —"</option>
        {form::options(&current, options)}
    }
}

/// One labelled input named `draft[field]`, with its message.
fn input(
    field: &'static str,
    label: &'static str,
    value: String,
    kind: &'static str,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let id = format!("part-{field}");
    let limit = text_limit(field);
    view! {
        <label for=id.clone()>{label}</label>
        <input id=id name=format!("draft[{field}]") value=value type=kind maxlength=limit/>
        <LimitHint limit/>
        <FieldMessage error field/>
    }
}

#[component]
fn PartFields(
    draft: PartDraft,
    options: PartFormChoices,
    error: Signal<Option<AppError>>,
    with_number: bool,
) -> impl IntoView {
    let number = with_number.then(|| {
        input(
            "part_number",
            "Part number",
            draft.part_number.clone(),
            "text",
            error,
        )
    });
    let unit = draft.unit_of_measure.clone();
    let make = if draft.make_or_buy.is_empty() {
        "B".to_owned()
    } else {
        draft.make_or_buy.clone()
    };
    let status = if draft.status.is_empty() {
        "ACTIVE".to_owned()
    } else {
        draft.status.clone()
    };
    let lot = draft.lot_control == "yes";
    let serial = draft.serial_control == "yes";
    view! {
        <fieldset>
            <legend>"Identification"</legend>
            {number}
            {input("name", "Name", draft.name, "text", error)}
            <label for="part-description">"Description"</label>
            <textarea id="part-description" name="draft[description]" rows="2"
                maxlength=text_limit("description")>{draft.description}</textarea>
            <LimitHint limit=text_limit("description")/>
            <FieldMessage error field="description"/>
            <label for="part-hierarchy_path">"Place in the catalogue"</label>
            <select id="part-hierarchy_path" name="draft[hierarchy_path]">{pairs(draft.hierarchy_path, options.places)}</select>
            <FieldMessage error field="hierarchy_path"/>
            {input("part_type", "Type (e.g. COMPONENT)", draft.part_type, "text", error)}
            <label for="part-unit_of_measure">"Unit of measure"</label>
            <select id="part-unit_of_measure" name="draft[unit_of_measure]">{choices::<UnitOfMeasure>(unit, UnitOfMeasure::label)}</select>
            <label for="part-make_or_buy">"Make or buy"</label>
            <select id="part-make_or_buy" name="draft[make_or_buy]">{choices::<MakeOrBuy>(make, MakeOrBuy::label)}</select>
            <label for="part-status">"Status"</label>
            <select id="part-status" name="draft[status]">{choices::<PartStatus>(status, PartStatus::label)}</select>
            <FieldMessage error field="status"/>
            {input("replacement_part_number", "Replaced by (part number, obsolete parts only)", draft.replacement_part_number, "text", error)}
        </fieldset>
        <fieldset>
            <legend>"Reordering"</legend>
            {input("reorder_point", "Reorder point", draft.reorder_point, "number", error)}
            {input("reorder_quantity", "Reorder quantity", draft.reorder_quantity, "number", error)}
            {input("safety_stock", "Safety stock", draft.safety_stock, "number", error)}
            {input("minimum_order_quantity", "Minimum order quantity", draft.minimum_order_quantity, "number", error)}
            {input("order_multiple", "Order multiple", draft.order_multiple, "number", error)}
            {input("lead_time_days", "Lead time (days)", draft.lead_time_days, "number", error)}
        </fieldset>
        <fieldset>
            <legend>"Cost and vendor"</legend>
            {input("standard_cost", "Standard cost ($)", draft.standard_cost, "text", error)}
            <label for="part-vendor_code">"Vendor"</label>
            <select id="part-vendor_code" name="draft[vendor_code]">{pairs(draft.vendor_code, options.vendors)}</select>
            <FieldMessage error field="vendor_code"/>
            {input("vendor_part_number", "Vendor part number", draft.vendor_part_number, "text", error)}
        </fieldset>
        <fieldset>
            <legend>"Physical and control"</legend>
            {input("material", "Material", draft.material, "text", error)}
            {input("finish", "Finish", draft.finish, "text", error)}
            <label class="check"><input type="checkbox" name="draft[lot_control]" value="yes" checked=lot/>"Lot controlled"</label>
            <label class="check"><input type="checkbox" name="draft[serial_control]" value="yes" checked=serial/>"Serial controlled"</label>
        </fieldset>
    }
}
