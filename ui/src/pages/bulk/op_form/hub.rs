//! Hub's op form: add a group to the auto-join groups of the auth modules, or remove it.

use lanyard_model::bulk::BulkOp;
use lanyard_model::ids::UserGroupId;
use leptos::prelude::*;

use super::{OpDraft, OpForm, what_to_do};
use crate::backend;
use crate::components::picker::{Picker, PickerOption, pick_required};
use crate::search::use_search;

pub(super) fn hub_op_form(profile_id: String, submitted: Signal<bool>) -> OpForm {
    let add = RwSignal::new(true);
    let query = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<PickerOption<UserGroupId>>);
    let pid = StoredValue::new(profile_id);
    let search = use_search(query, move |text| {
        let profile_id = pid.get_value();
        async move { backend::hub_search_groups(&profile_id, &text).await }
    });
    let options = Signal::derive(move || {
        search.with_found(|groups| {
            groups
                .iter()
                .map(|g| PickerOption {
                    label: g.name.clone().unwrap_or_else(|| g.id.to_string()),
                    detail: format!("{} users", g.user_count.unwrap_or(0)),
                    value: g.id.clone(),
                    disabled: false,
                })
                .collect::<Vec<_>>()
        })
    });
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
            options=options loading=search.searching() search_problem=search.problem() query=query selected=chosen
            errors=picker_errors empty_text="No group matches." />
    }
    .into_any();
    OpForm { fields, op }
}
