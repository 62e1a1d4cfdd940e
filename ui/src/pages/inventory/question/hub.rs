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
use crate::tr;

fn hub_asked(group: Option<PickerOption<UserGroupId>>, name: &str) -> Asked {
    let (words, preset) = match &group {
        None => (tr!("what-auth-modules"), Preset::Nothing),
        Some(g) => (
            tr!("q-modules-auto-join", group = g.label.clone()),
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
            vec![tr!("q-pick-group")]
        } else {
            Vec::new()
        }
    });
    let fields = view! {
        <Picker id="q-group" label=tr!("q-auto-joins") placeholder=tr!("hub-search-groups")
            options=search.options() loading=search.searching() search_problem=search.problem()
            source=search.note() on_open=Callback::new(move |_| search.refresh()) query=query selected=chosen errors=errors empty_text=tr!("hub-no-group-matches") />
        {name_contains(tr!("q-module-name-contains"), name)}
    }
    .into_any();
    QuestionForm { fields, question }
}
