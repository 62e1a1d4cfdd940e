//! Auth0's op form: enable a connection (with all its options and the same inline rules as the
//! Auth0 page), change some of its options, disable it or remove it.

use lanyard_model::Validation;
use lanyard_model::auth0::{
    EnableConnection, Patch, UpdateConnection, check_enable, strategy_kind,
};
use lanyard_model::bulk::BulkOp;
use lanyard_model::ids::ConnectionId;
use leptos::prelude::*;

use super::{OpDraft, OpForm, what_to_do};
use crate::components::enable_options::{
    EnableOptionFields, EnableOptions, connection_choices, connections_what, picked_strategy,
    tenant_connections,
};
use crate::components::picker::{Picker, PickerOption, pick_required};
use crate::context::handoff::Preset;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Auth0Kind {
    Enable,
    Change,
    Disable,
    Remove,
}

/// The options a "change its options" run sets; `None` leaves an option as it is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct OptionChanges {
    membership: Option<bool>,
    button: Option<bool>,
    signup: Option<bool>,
}

/// The connection picked, with its strategy as the tenant lists it.
struct Picked {
    connection_id: ConnectionId,
    connection_name: String,
    strategy: Option<String>,
}

/// The op of `kind` on the connection picked. `enable` is the enable request when its rules
/// pass, `None` when a field is wrong.
fn auth0_op(
    kind: Auth0Kind,
    picked: Picked,
    enable: Option<EnableConnection>,
    changes: OptionChanges,
) -> Result<BulkOp, String> {
    let Picked {
        connection_id,
        connection_name,
        strategy,
    } = picked;
    match kind {
        Auth0Kind::Enable => match enable {
            Some(request) => Ok(BulkOp::Auth0Enable {
                request,
                strategy,
                connection_name,
            }),
            None => Err(tr!("op-fix-fields")),
        },
        Auth0Kind::Change => {
            let update = UpdateConnection {
                assign_membership_on_login: changes.membership,
                show_as_button: changes.button,
                is_signup_enabled: changes.signup,
                ..Default::default()
            };
            if update.is_empty() {
                Err(tr!("op-choose-option"))
            } else {
                Ok(BulkOp::Auth0Update {
                    connection_id,
                    update,
                    strategy,
                    connection_name,
                })
            }
        }
        Auth0Kind::Disable => Ok(BulkOp::Auth0Update {
            connection_id,
            update: UpdateConnection {
                is_enabled: Patch::Set(false),
                ..Default::default()
            },
            strategy,
            connection_name,
        }),
        Auth0Kind::Remove => Ok(BulkOp::Auth0Remove {
            connection_id,
            strategy,
            connection_name,
        }),
    }
}

/// "Leave as is" / "Yes" / "No" for a bulk update of one option.
fn tri(id: &'static str, label: String, value: RwSignal<Option<bool>>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(match event_target_value(&ev).as_str() { "yes" => Some(true), "no" => Some(false), _ => None })>
                <option value="keep" selected=move || value.get().is_none()>{tr!("op-leave")}</option>
                <option value="yes" selected=move || value.get() == Some(true)>{tr!("yes")}</option>
                <option value="no" selected=move || value.get() == Some(false)>{tr!("no")}</option>
            </select>
        </div>
    }
}

pub(super) fn auth0_op_form(profile_id: String, submitted: Signal<bool>, preset: Preset) -> OpForm {
    // An inventory question about a connection starts the form with it picked: enable it for
    // those that lack it, change its options for those that have it.
    let (start_kind, start) = match preset {
        Preset::Auth0Connection { id, name, enable } => (
            if enable {
                Auth0Kind::Enable
            } else {
                Auth0Kind::Change
            },
            Some(PickerOption {
                value: id,
                label: name,
                detail: String::new(),
                disabled: false,
            }),
        ),
        _ => (Auth0Kind::Enable, None),
    };
    let kind = RwSignal::new(start_kind);
    let connections = tenant_connections(profile_id);
    let query = RwSignal::new(start.as_ref().map(|c| c.label.clone()).unwrap_or_default());
    let chosen = RwSignal::new(start);
    let opts = EnableOptions::new();
    let membership = RwSignal::new(None::<bool>);
    let button = RwSignal::new(None::<bool>);
    let signup = RwSignal::new(None::<bool>);
    let options = connection_choices(connections, query, Signal::stored(Vec::new()));
    let strategy = picked_strategy(chosen, connections);
    let skind = Signal::derive(move || strategy.get().map(|s| strategy_kind(&s)));
    let request = move || opts.request(chosen.get(), skind.get());
    let validation = Signal::derive(move || match (kind.get(), request()) {
        (Auth0Kind::Enable, Some(r)) => check_enable(&r, strategy.get().as_deref()),
        _ => Validation::default(),
    });
    let picker_errors = pick_required(submitted, chosen, tr!("enable-pick-connection"));
    let op = Memo::new(move |_| -> OpDraft {
        let c = chosen.get()?;
        let kind = kind.get();
        let enable = if kind == Auth0Kind::Enable {
            request().filter(|_| validation.with(Validation::is_ok))
        } else {
            None
        };
        let changes = OptionChanges {
            membership: membership.get(),
            button: button.get(),
            signup: signup.get(),
        };
        let picked = Picked {
            connection_id: c.value,
            connection_name: c.label,
            strategy: strategy.get(),
        };
        Some(auth0_op(kind, picked, enable, changes))
    });
    let kinds = [
        (Auth0Kind::Enable, "enable", tr!("op-enable")),
        (Auth0Kind::Change, "change", tr!("op-change")),
        (Auth0Kind::Disable, "disable", tr!("op-disable")),
        (Auth0Kind::Remove, "remove", tr!("op-remove")),
    ];
    let fields = view! {
        {what_to_do("auth0-op", kinds, kind)}
        <Picker id="bulk-connection-picker" label=tr!("enable-connection") placeholder=tr!("enable-connection-search")
            options=options loading=connections.loading() search_problem=connections.problem(connections_what())
                retry=Callback::new(move |_| connections.retry()) source=connections.note() query=query selected=chosen errors=picker_errors />
        <Show when=move || kind.get() == Auth0Kind::Enable>
            <EnableOptionFields opts=opts kind=skind validation=validation
                name_hint=tr!("op-name-hint") />
        </Show>
        <Show when=move || kind.get() == Auth0Kind::Change>
            {tri("bulk_membership", tr!("enable-assign-membership"), membership)}
            {tri("bulk_button", tr!("op-show-as-button"), button)}
            {tri("bulk_signup", tr!("enable-allow-signup"), signup)}
            {move || matches!(op.get(), Some(Err(_))).then(|| view! { <p class="field-error">{tr!("op-choose-option-sentence")}</p> })}
        </Show>
        <Show when=move || kind.get() == Auth0Kind::Remove>
            <p class="notice">{tr!("op-remove-notice")}</p>
        </Show>
    }
    .into_any();
    OpForm { fields, op }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picked() -> Picked {
        Picked {
            connection_id: ConnectionId::parse("con_aaaaaaaaaaaaaaaa").expect("a valid id"),
            connection_name: "linkedin".to_owned(),
            strategy: Some("linkedin".to_owned()),
        }
    }

    #[test]
    fn a_change_of_no_option_is_refused_with_the_reason() {
        let op = auth0_op(Auth0Kind::Change, picked(), None, OptionChanges::default());
        assert_eq!(op, Err("choose at least one option to change".to_owned()));
    }

    #[test]
    fn a_change_sends_only_the_options_chosen() {
        let changes = OptionChanges {
            button: Some(false),
            ..Default::default()
        };
        match auth0_op(Auth0Kind::Change, picked(), None, changes) {
            Ok(BulkOp::Auth0Update { update, .. }) => {
                assert_eq!(update.show_as_button, Some(false));
                assert_eq!(update.assign_membership_on_login, None);
                assert_eq!(update.is_signup_enabled, None);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn disable_keeps_the_options_and_sets_is_enabled_off() {
        match auth0_op(Auth0Kind::Disable, picked(), None, OptionChanges::default()) {
            Ok(BulkOp::Auth0Update { update, .. }) => {
                assert_eq!(update.is_enabled, Patch::Set(false));
                assert_eq!(update.show_as_button, None);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_enable_whose_rules_fail_cannot_be_planned() {
        let op = auth0_op(Auth0Kind::Enable, picked(), None, OptionChanges::default());
        assert!(op.is_err());
    }
}
