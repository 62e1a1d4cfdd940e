//! ZITADEL's question: login policies (the instance's and each organization's) that link an
//! identity provider or do not, by name.

use lanyard_model::ids::IdpId;
use lanyard_model::inventory::{IdpCondition, InventoryQuestion, PickerKind, Presence};
use leptos::prelude::*;

use super::super::asked::Asked;
use super::filters::{Condition, ConditionWords, name_contains};
use super::{QuestionForm, named_like};
use crate::backend;
use crate::components::inventory_search::{LabelBy, item_option, use_inventory_search};
use crate::components::picker::PickerOption;
use crate::context::handoff::Preset;
use crate::tr;

fn zitadel_asked(condition: Option<(IdpCondition, String)>, name: &str) -> Asked {
    let words = match &condition {
        None => tr!("noun-login-policies"),
        Some((c, label)) => match c.presence {
            Presence::Has => tr!("q-policies-link", label = label.clone()),
            Presence::Lacks => tr!("q-policies-not-link", label = label.clone()),
        },
    };
    Asked {
        question: InventoryQuestion::Zitadel {
            idp: condition.map(|(c, _)| c),
            name_contains: name.trim().to_owned(),
        },
        words: format!("{words}{}", named_like(name)),
        preset: Preset::Nothing,
    }
}

pub(super) fn zitadel_question(profile_id: String, submitted: Signal<bool>) -> QuestionForm {
    let (condition, query) = Condition::<IdpId>::new();
    let name = RwSignal::new(String::new());
    let pid = StoredValue::new(profile_id.clone());
    let search = use_inventory_search(
        profile_id,
        PickerKind::ZitadelIdp,
        query,
        |item| item_option(item, LabelBy::Name, |id| IdpId::parse(id).ok()),
        move |text: String| {
            let profile_id = pid.get_value();
            async move {
                backend::zitadel_providers(&profile_id, &text)
                    .await
                    .map(|list| {
                        list.into_iter()
                            .map(|p| PickerOption {
                                label: if p.name.is_empty() {
                                    p.id.to_string()
                                } else {
                                    p.name.clone()
                                },
                                detail: format!(
                                    "{} · {}",
                                    p.kind_label(),
                                    if p.is_active() {
                                        tr!("bulk-active")
                                    } else {
                                        tr!("bulk-inactive")
                                    }
                                ),
                                value: p.id,
                                disabled: false,
                            })
                            .collect()
                    })
            }
        },
    );
    let question = Memo::new(move |_| -> Result<Asked, ()> {
        let condition = condition.get()?.map(|(presence, c)| {
            (
                IdpCondition {
                    idp_id: c.value,
                    presence,
                },
                c.label,
            )
        });
        Ok(zitadel_asked(condition, &name.get()))
    });
    let words = ConditionWords {
        legend: tr!("q-idp"),
        choices: [tr!("q-any"), tr!("zitadel-is-linked"), tr!("q-not-linked")],
        id: "q-idp",
        label: tr!("q-idp"),
        placeholder: tr!("q-search-idps"),
        missing: tr!("q-pick-idp"),
        empty: tr!("q-no-idp-matches"),
    };
    let fields = view! {
        {condition.fields(words, search, submitted)}
        {name_contains(tr!("q-policy-name-contains"), name)}
    }
    .into_any();
    QuestionForm { fields, question }
}
