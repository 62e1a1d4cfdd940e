//! Hub's op form: add a group to the auto-join groups of the auth modules, or remove it.

use lanyard_model::bulk::BulkOp;
use lanyard_model::ids::UserGroupId;
use lanyard_model::inventory::PickerKind;
use leptos::prelude::*;

use super::{OpDraft, OpForm, what_to_do};
use crate::backend;
use crate::components::inventory_search::{LabelBy, item_option, use_inventory_search};
use crate::components::picker::{Picker, PickerOption, pick_required};
use crate::context::handoff::Preset;
use crate::pages::hub::group_option;

pub(super) fn hub_op_form(profile_id: String, submitted: Signal<bool>, preset: Preset) -> OpForm {
    let add = RwSignal::new(true);
    // The group an inventory question was about, picked.
    let start = match preset {
        Preset::HubGroup { id, name } => Some(PickerOption {
            value: id,
            label: name,
            detail: String::new(),
            disabled: false,
        }),
        _ => None,
    };
    let query = RwSignal::new(start.as_ref().map(|g| g.label.clone()).unwrap_or_default());
    let chosen = RwSignal::new(start);
    let pid = StoredValue::new(profile_id);
    let search = use_inventory_search(
        pid.get_value(),
        PickerKind::HubGroup,
        query,
        |item| item_option(item, LabelBy::Name, |id| UserGroupId::parse(id).ok()),
        move |text: String| {
            let profile_id = pid.get_value();
            async move {
                backend::hub_search_groups(&profile_id, &text)
                    .await
                    .map(|groups| groups.iter().map(group_option).collect())
            }
        },
    );
    let op = Memo::new(move |_| -> OpDraft {
        let g = chosen.get()?;
        let (group_id, group_name) = (g.value, g.label);
        Some(Ok(if add.get() {
            BulkOp::HubAdd {
                group_id,
                group_name,
            }
        } else {
            BulkOp::HubRemove {
                group_id,
                group_name,
            }
        }))
    });
    let picker_errors = pick_required(submitted, chosen, "Pick a group.");
    let fields = view! {
        {what_to_do("hub-op", [(true, "add", "Add to the auto-join groups"), (false, "remove", "Remove from the auto-join groups")], add)}
        <Picker id="bulk-group-picker" label="Group" placeholder="Search groups by name"
            options=search.options() loading=search.searching() search_problem=search.problem() source=search.note() on_open=Callback::new(move |_| search.refresh()) query=query selected=chosen
            errors=picker_errors empty_text="No group matches." />
    }
    .into_any();
    OpForm { fields, op }
}
