//! Recording a unit's serial plate on its production record: shown while
//! the order (numbered by plates) has not shipped, to a role that may.

use leptos::form::ActionForm;
use leptos::prelude::*;
use torvan::unit_serial::PLATE_LIMIT;
use torvan::{Action, Resource};

use super::api::RecordSerialPlate;
use crate::shell::{FieldMessage, FormError, Permitted, action_error};

#[component]
pub fn PlateForm(
    build_number: String,
    current: Option<String>,
    action: ServerAction<RecordSerialPlate>,
) -> impl IntoView {
    let target = StoredValue::new(build_number);
    let current = StoredValue::new(current.unwrap_or_default());
    let error = action_error(action);
    view! {
        <Permitted on=Resource::Qc action=Action::Update>
            <ActionForm action attr:class="form no-print" attr:data-testid="plate-form">
                <input type="hidden" name="build_number" value=target.get_value()/>
                <label for="serial-plate">"Serial plate number"</label>
                <input id="serial-plate" name="serial_plate" value=current.get_value()
                    maxlength=PLATE_LIMIT.to_string() autocomplete="off" autocapitalize="characters"
                    aria-describedby="serial-plate-hint"/>
                <p id="serial-plate-hint" class="hint">"As stamped on the plate: letters, digits, '-', '/' and '.'."</p>
                <FieldMessage error field="serial_plate"/>
                <button type="submit" class="button">"Record plate"</button>
                <FormError error/>
            </ActionForm>
        </Permitted>
    }
}
