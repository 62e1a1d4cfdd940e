//! Auth0's question: organizations that have or lack a connection (with its options when they
//! have it), by name.

use lanyard_model::auth0::AccessLevel;
use lanyard_model::ids::ConnectionId;
use lanyard_model::inventory::{
    ConnectionCondition, InventoryQuestion, OptionsFilter, PickerKind, Presence,
};
use leptos::prelude::*;

use super::super::asked::Asked;
use super::filters::{Condition, ConditionWords, access_level, name_contains, tri};
use super::{QuestionForm, named_like};
use crate::backend;
use crate::components::inventory_search::{LabelBy, item_option, use_inventory_search};
use crate::components::picker::PickerOption;
use crate::context::handoff::Preset;
use crate::tr;

/// The options filter in words: "show as button: no, access level: readonly".
fn options_words(o: &OptionsFilter) -> String {
    let yes_no = |v: bool| if v { tr!("q-yes") } else { tr!("q-no") };
    let mut parts = Vec::new();
    if let Some(v) = o.show_as_button {
        parts.push(tr!("q-show-as-button-is", value = yes_no(v)));
    }
    if let Some(v) = o.assign_membership_on_login {
        parts.push(tr!("q-membership-is", value = yes_no(v)));
    }
    if let Some(v) = o.is_signup_enabled {
        parts.push(tr!("q-signup-is", value = yes_no(v)));
    }
    if let Some(v) = o.is_enabled {
        parts.push(tr!("q-enabled-is", value = yes_no(v)));
    }
    if let Some(l) = o.organization_access_level {
        parts.push(tr!("q-access-level-is", value = l.as_str()));
    }
    parts.join(", ")
}

/// The question and its words, from the filters; `None` for the connection when any will do.
fn auth0_asked(condition: Option<(ConnectionCondition, String)>, name: &str) -> Asked {
    let (words, preset) = match &condition {
        None => (tr!("what-organizations"), Preset::Nothing),
        Some((c, label)) => {
            let preset = Preset::Auth0Connection {
                id: c.connection_id.clone(),
                name: label.clone(),
                enable: c.presence == Presence::Lacks,
            };
            let words = match c.presence {
                Presence::Lacks => tr!("q-orgs-lack", label = label.clone()),
                Presence::Has => {
                    let opts = options_words(&c.options);
                    if opts.is_empty() {
                        tr!("q-orgs-have", label = label.clone())
                    } else {
                        tr!("q-orgs-have-with", label = label.clone(), options = opts)
                    }
                }
            };
            (words, preset)
        }
    };
    Asked {
        question: InventoryQuestion::Auth0 {
            connection: condition.map(|(c, _)| c),
            name_contains: name.trim().to_owned(),
        },
        words: format!("{words}{}", named_like(name)),
        preset,
    }
}

pub(super) fn auth0_question(profile_id: String, submitted: Signal<bool>) -> QuestionForm {
    let (condition, query) = Condition::<ConnectionId>::new();
    let has = condition.has;
    let button = RwSignal::new(None::<bool>);
    let membership = RwSignal::new(None::<bool>);
    let signup = RwSignal::new(None::<bool>);
    let enabled = RwSignal::new(None::<bool>);
    let level = RwSignal::new(None::<AccessLevel>);
    let name = RwSignal::new(String::new());
    let pid = StoredValue::new(profile_id.clone());
    let search = use_inventory_search(
        profile_id,
        PickerKind::Auth0Connection,
        query,
        |item| item_option(item, LabelBy::Name, |id| ConnectionId::parse(id).ok()),
        move |text: String| {
            let profile_id = pid.get_value();
            async move {
                let q = text.to_lowercase();
                backend::auth0_connections(&profile_id).await.map(|list| {
                    list.into_iter()
                        .filter(|c| {
                            q.is_empty()
                                || c.name.to_lowercase().contains(&q)
                                || c.strategy.contains(&q)
                        })
                        .map(|c| PickerOption {
                            label: c.name,
                            detail: c.strategy,
                            value: c.id,
                            disabled: false,
                        })
                        .collect()
                })
            }
        },
    );
    let question = Memo::new(move |_| -> Result<Asked, ()> {
        let condition = condition.get()?.map(|(presence, c)| {
            let options = if presence == Presence::Has {
                OptionsFilter {
                    show_as_button: button.get(),
                    assign_membership_on_login: membership.get(),
                    is_signup_enabled: signup.get(),
                    is_enabled: enabled.get(),
                    organization_access_level: level.get(),
                }
            } else {
                OptionsFilter::default()
            };
            let condition = ConnectionCondition {
                connection_id: c.value,
                presence,
                options,
            };
            (condition, c.label)
        });
        Ok(auth0_asked(condition, &name.get()))
    });
    let words = ConditionWords {
        legend: tr!("enable-connection"),
        choices: [
            tr!("q-any-connections"),
            tr!("q-has-connection"),
            tr!("q-lacks-connection"),
        ],
        id: "q-connection",
        label: tr!("enable-connection"),
        placeholder: tr!("q-search-connections"),
        missing: tr!("q-pick-connection"),
        empty: tr!("q-no-connection-matches"),
    };
    let fields = view! {
        {condition.fields(words, search, submitted)}
        <Show when=move || has.get() == Some(Presence::Has)>
            <p class="hint muted small">{tr!("q-options-hint")}</p>
            <div class="filters">
                {tri("q-show-as-button", tr!("op-show-as-button"), button)}
                {tri("q-membership", tr!("enable-assign-membership"), membership)}
                {tri("q-signup", tr!("enable-allow-signup"), signup)}
                {tri("q-enabled", tr!("enable-enabled"), enabled)}
                {access_level("q-access-level", level)}
            </div>
        </Show>
        {name_contains(tr!("q-org-name-contains"), name)}
    }
    .into_any();
    QuestionForm { fields, question }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn condition(
        presence: Presence,
        options: OptionsFilter,
    ) -> Option<(ConnectionCondition, String)> {
        let connection_id =
            ConnectionId::parse("con_aaaaaaaaaaaaaaaa").unwrap_or_else(|e| panic!("{e}"));
        Some((
            ConnectionCondition {
                connection_id,
                presence,
                options,
            },
            "google-oauth2".to_owned(),
        ))
    }

    #[test]
    fn a_question_reads_as_its_filters_and_presets_the_bulk_change() {
        let lacks = auth0_asked(
            condition(Presence::Lacks, OptionsFilter::default()),
            " acme ",
        );
        assert_eq!(
            lacks.words,
            "organizations that lack google-oauth2, named like “acme”"
        );
        assert!(matches!(
            lacks.preset,
            Preset::Auth0Connection { enable: true, .. }
        ));
        match lacks.question {
            InventoryQuestion::Auth0 { name_contains, .. } => assert_eq!(name_contains, "acme"),
            other => panic!("{other:?}"),
        }
        let hidden = OptionsFilter {
            show_as_button: Some(false),
            organization_access_level: Some(AccessLevel::Readonly),
            ..Default::default()
        };
        let has = auth0_asked(condition(Presence::Has, hidden), "");
        assert_eq!(
            has.words,
            "organizations that have google-oauth2 with show as button: no, access level: readonly"
        );
        assert!(matches!(
            has.preset,
            Preset::Auth0Connection { enable: false, .. }
        ));
        assert_eq!(auth0_asked(None, "").words, "organizations");
    }
}
