//! Hub's question: auth modules that auto-join a group, by name.

use lanyard_model::ids::UserGroupId;
use lanyard_model::inventory::{InventoryQuestion, PickerKind};
use leptos::prelude::*;

use super::super::asked::Asked;
use super::filters::name_contains;
use super::{QuestionForm, named_like};
use crate::backend;
use crate::components::inventory_search::{LabelBy, item_option, use_inventory_search};
use crate::components::picker::{Picker, PickerOption};
use crate::context::handoff::Preset;

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
    let pid = StoredValue::new(profile_id.clone());
    let search = use_inventory_search(
        profile_id,
        PickerKind::HubGroup,
        query,
        |item| item_option(item, LabelBy::Name, |id| UserGroupId::parse(id).ok()),
        move |text: String| {
            let profile_id = pid.get_value();
            async move {
                backend::hub_search_groups(&profile_id, &text)
                    .await
                    .map(|list| {
                        list.into_iter()
                            .map(|g| PickerOption {
                                label: g.name.clone().unwrap_or_else(|| g.id.to_string()),
                                detail: format!("{} users", g.user_count.unwrap_or(0)),
                                value: g.id,
                                disabled: false,
                            })
                            .collect()
                    })
            }
        },
    );
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
