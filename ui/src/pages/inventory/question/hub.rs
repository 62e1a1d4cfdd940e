//! Hub's question: auth modules that auto-join a group, by name.

use lanyard_model::ids::UserGroupId;
use lanyard_model::inventory::InventoryQuestion;
use leptos::prelude::*;

use super::super::asked::Asked;
use super::filters::name_contains;
use super::{QuestionForm, named_like};
use crate::components::picker::{Picker, PickerOption};
use crate::context::handoff::Preset;
use crate::pages::hub::use_group_search;

fn hub_asked(group: Option<PickerOption<UserGroupId>>, name: &str) -> Asked {
    let (words, preset) = match &group {
        None => ("auth modules".to_owned(), Preset::Nothing),
        Some(g) => (
            format!("auth modules that auto-join {}", g.label),
            Preset::HubGroup {
                id: g.value.clone(),
                name: g.label.clone(),
            },
        ),
    };
    Asked {
        question: InventoryQuestion::Hub {
            auto_joins: group.map(|g| g.value),
            name_contains: name.trim().to_owned(),
        },
        words: format!("{words}{}", named_like(name)),
        preset,
    }
}

pub(super) fn hub_question(profile_id: String, submitted: Signal<bool>) -> QuestionForm {
    let query = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<PickerOption<UserGroupId>>);
    let name = RwSignal::new(String::new());
    let search = use_group_search(profile_id, query);
    // Text typed in the group picker with nothing picked is a filter the user meant but that
    // is not set: say so instead of asking without it.
    let question = Memo::new(move |_| -> Result<Asked, ()> {
        let group = chosen.get();
        if group.is_none() && !query.with(|q| q.trim().is_empty()) {
            return Err(());
        }
        Ok(hub_asked(group, &name.get()))
    });
    let errors = Signal::derive(move || {
        if submitted.get() && chosen.with(Option::is_none) && !query.with(|q| q.trim().is_empty()) {
            vec![
                "Pick a group from the list, or clear the field to ask about every module."
                    .to_owned(),
            ]
        } else {
            Vec::new()
        }
    });
    let fields = view! {
        <Picker id="q-group" label="Auto-joins the group (optional)" placeholder="Search groups by name"
            options=search.options() loading=search.searching() search_problem=search.problem()
            source=search.note() on_open=Callback::new(move |_| search.refresh()) query=query selected=chosen errors=errors empty_text="No group matches." />
        {name_contains("Module name contains", name)}
    }
    .into_any();
    QuestionForm { fields, question }
}
