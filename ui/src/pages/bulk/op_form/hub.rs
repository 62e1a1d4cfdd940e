//! Hub's op form: add a group to the auto-join groups of the auth modules, or remove it.

use lanyard_model::bulk::BulkOp;
use leptos::prelude::*;

use super::{OpDraft, OpForm, what_to_do};
use crate::components::picker::{Picker, PickerOption, pick_required};
use crate::context::handoff::Preset;
use crate::pages::hub::use_group_search;
use crate::tr;

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
    let search = use_group_search(profile_id, query);
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
    let picker_errors = pick_required(submitted, chosen, tr!("op-pick-group"));
    let fields = view! {
        {what_to_do("hub-op", [(true, "add", tr!("op-hub-add")), (false, "remove", tr!("op-hub-remove"))], add)}
        <Picker id="bulk-group-picker" label=tr!("hub-group") placeholder=tr!("hub-search-groups")
            options=search.options() loading=search.searching() search_problem=search.problem() source=search.note() on_open=Callback::new(move |_| search.refresh()) query=query selected=chosen
            errors=picker_errors empty_text=tr!("hub-no-group-matches") />
    }
    .into_any();
    OpForm { fields, op }
}
