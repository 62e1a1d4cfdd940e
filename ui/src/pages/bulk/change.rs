//! The change of a new run, per product: the op as the form builds it, or why it cannot be yet.

use lanyard_model::Validation;
use lanyard_model::auth0::{Connection, Patch, UpdateConnection, check_enable, strategy_kind};
use lanyard_model::bulk::BulkOp;
use lanyard_model::ids::{ConnectionId, UserGroupId};
use lanyard_model::zitadel::PolicyScope;
use leptos::prelude::*;

use crate::backend;
use crate::components::picker::{Picker, PickerOption};
use crate::context::use_ctx;
use crate::pages::auth0::{EnableOptionFields, EnableOptions, picked_strategy};

/// "Leave as is" / "Yes" / "No" for a bulk update of one option.
fn tri(id: &'static str, label: &'static str, value: RwSignal<Option<bool>>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(match event_target_value(&ev).as_str() { "yes" => Some(true), "no" => Some(false), _ => None })>
                <option value="keep" selected=move || value.get().is_none()>"Leave as it is"</option>
                <option value="yes" selected=move || value.get() == Some(true)>"Yes"</option>
                <option value="no" selected=move || value.get() == Some(false)>"No"</option>
            </select>
        </div>
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Auth0Kind {
    Enable,
    Change,
    Disable,
    Remove,
}

#[component]
pub(super) fn Auth0Change(
    profile_id: String,
    op: RwSignal<Option<Result<BulkOp, String>>>,
    submitted: RwSignal<bool>,
) -> impl IntoView {
    let ctx = use_ctx();
    let kind = RwSignal::new(Auth0Kind::Enable);
    let connections = RwSignal::new(Vec::<Connection>::new());
    let pid = StoredValue::new(profile_id);
    leptos::task::spawn_local(async move {
        match backend::auth0_connections(&pid.get_value()).await {
            Ok(c) => connections.set(c),
            Err(err) => ctx.toasts.error(err.to_string()),
        }
    });
    let query = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<PickerOption<ConnectionId>>);
    let opts = EnableOptions::new();
    let t_membership = RwSignal::new(None::<bool>);
    let t_button = RwSignal::new(None::<bool>);
    let t_signup = RwSignal::new(None::<bool>);
    let options = Signal::derive(move || {
        let q = query.get().to_lowercase();
        connections
            .get()
            .into_iter()
            .filter(|c| {
                q.is_empty() || c.name.to_lowercase().contains(&q) || c.strategy.contains(&q)
            })
            .map(|c| PickerOption {
                detail: format!("{} · {}", c.strategy, strategy_kind(&c.strategy).label()),
                value: c.id,
                label: c.name,
                disabled: false,
            })
            .collect::<Vec<_>>()
    });
    let strategy = picked_strategy(chosen, connections);
    let skind = Signal::derive(move || strategy.get().map(|s| strategy_kind(&s)));
    let request = move || opts.request(chosen.get(), skind.get());
    let validation = Signal::derive(move || match (kind.get(), request()) {
        (Auth0Kind::Enable, Some(r)) => check_enable(&r, strategy.get().as_deref()),
        _ => Validation::default(),
    });
    let picker_errors = Signal::derive(move || {
        if submitted.get() && chosen.get().is_none() {
            vec!["Pick a connection.".to_owned()]
        } else {
            Vec::new()
        }
    });
    // The op follows the form: `None` until a connection is picked, an error while a rule fails.
    Effect::new(move |_| {
        let Some(c) = chosen.get() else {
            op.set(None);
            return;
        };
        let connection_id = c.value.clone();
        let strategy = strategy.get();
        let connection_name = c.label.clone();
        let built = match kind.get() {
            Auth0Kind::Enable => match request() {
                Some(r) if validation.get().is_ok() => Ok(BulkOp::Auth0Enable {
                    request: r,
                    strategy,
                    connection_name,
                }),
                _ => Err("fix the fields marked".to_owned()),
            },
            Auth0Kind::Change => {
                let update = UpdateConnection {
                    assign_membership_on_login: t_membership.get(),
                    show_as_button: t_button.get(),
                    is_signup_enabled: t_signup.get(),
                    ..Default::default()
                };
                if update.is_empty() {
                    Err("choose at least one option to change".to_owned())
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
        };
        op.set(Some(built));
    });
    let kinds = [
        (Auth0Kind::Enable, "enable", "Enable the connection"),
        (Auth0Kind::Change, "change", "Change its options"),
        (
            Auth0Kind::Disable,
            "disable",
            "Disable it (keep its options)",
        ),
        (Auth0Kind::Remove, "remove", "Remove it"),
    ];
    view! {
        <fieldset class="radio-row">
            <legend>"What to do"</legend>
            {kinds.into_iter().map(|(k, value, label)| view! {
                <label class="radio"><input type="radio" name="auth0-op" value=value id=format!("op-{value}")
                    prop:checked=move || kind.get() == k on:change=move |_| kind.set(k) />{label}</label>
            }).collect_view()}
        </fieldset>
        <Picker id="bulk-connection-picker" label="Connection" placeholder="Search connections by name or strategy"
            options=options loading=Signal::derive(|| false) query=query selected=chosen errors=picker_errors />
        <Show when=move || kind.get() == Auth0Kind::Enable>
            <EnableOptionFields opts=opts kind=skind validation=validation
                name_hint="The same for every organization; 1 to 50 characters." />
        </Show>
        <Show when=move || kind.get() == Auth0Kind::Change>
            {tri("bulk_membership", "Assign membership on login", t_membership)}
            {tri("bulk_button", "Show as a button", t_button)}
            {tri("bulk_signup", "Allow sign-up", t_signup)}
            {move || matches!(op.get(), Some(Err(_))).then(|| view! { <p class="field-error">"Choose at least one option to change."</p> })}
        </Show>
        <Show when=move || kind.get() == Auth0Kind::Remove>
            <p class="notice">"Removing takes the connection and its per-organization options away from every organization ticked. An undo run can put them back as they were."</p>
        </Show>
    }
}

#[component]
pub(super) fn ZitadelChange(
    profile_id: String,
    op: RwSignal<Option<Result<BulkOp, String>>>,
) -> impl IntoView {
    let link = RwSignal::new(true);
    let orgs = RwSignal::new(Vec::<lanyard_model::zitadel::Org>::new());
    // The organization whose policy is changed; `None` for the instance's.
    let scope_org = RwSignal::new(None::<lanyard_model::zitadel::Org>);
    let pid = StoredValue::new(profile_id);
    leptos::task::spawn_local(async move {
        if let Ok(list) = backend::zitadel_orgs(&pid.get_value()).await {
            orgs.set(list);
        }
    });
    Effect::new(move |_| {
        let (scope, scope_name) = match scope_org.get() {
            None => (PolicyScope::Instance, "the instance".to_owned()),
            Some(org) => (
                PolicyScope::Organization {
                    org_id: org.id.clone(),
                },
                if org.name.is_empty() {
                    org.id.to_string()
                } else {
                    org.name
                },
            ),
        };
        op.set(Some(Ok(if link.get() {
            BulkOp::ZitadelLink { scope, scope_name }
        } else {
            BulkOp::ZitadelUnlink { scope, scope_name }
        })));
    });
    view! {
        <fieldset class="radio-row">
            <legend>"What to do"</legend>
            <label class="radio"><input type="radio" name="zitadel-op" id="op-link" prop:checked=move || link.get() on:change=move |_| link.set(true) />"Link to the login policy"</label>
            <label class="radio"><input type="radio" name="zitadel-op" id="op-unlink" prop:checked=move || !link.get() on:change=move |_| link.set(false) />"Unlink from the login policy"</label>
        </fieldset>
        <div class="field">
            <label for="bulk-scope">"Login policy"</label>
            <select id="bulk-scope" on:change=move |ev| {
                let v = event_target_value(&ev);
                scope_org.set(orgs.with(|o| o.iter().find(|o| o.id == v).cloned()));
            }>
                <option value="">"The instance's default policy"</option>
                {move || orgs.get().into_iter().map(|o| view! { <option value=o.id.to_string()>{format!("Organization {}", o.name)}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub(super) fn HubChange(
    profile_id: String,
    op: RwSignal<Option<Result<BulkOp, String>>>,
    submitted: RwSignal<bool>,
) -> impl IntoView {
    let add = RwSignal::new(true);
    let query = RwSignal::new(String::new());
    let options = RwSignal::new(Vec::<PickerOption<UserGroupId>>::new());
    let chosen = RwSignal::new(None::<PickerOption<UserGroupId>>);
    let loading = RwSignal::new(false);
    let pid = StoredValue::new(profile_id);
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let text = query.get();
        let n = generation.get_value() + 1;
        generation.set_value(n);
        loading.set(true);
        leptos::task::spawn_local(async move {
            let result = backend::hub_groups(&pid.get_value(), &text).await;
            if generation.get_value() != n {
                return;
            }
            loading.set(false);
            if let Ok(groups) = result {
                options.set(
                    groups
                        .into_iter()
                        .map(|g| PickerOption {
                            label: g.name.clone().unwrap_or_else(|| g.id.to_string()),
                            detail: format!("{} users", g.user_count.unwrap_or(0)),
                            value: g.id,
                            disabled: false,
                        })
                        .collect(),
                );
            }
        });
    });
    Effect::new(move |_| {
        let Some(g) = chosen.get() else {
            op.set(None);
            return;
        };
        let group_id = g.value;
        op.set(Some(Ok(if add.get() {
            BulkOp::HubAdd {
                group_id,
                group_name: g.label,
            }
        } else {
            BulkOp::HubRemove {
                group_id,
                group_name: g.label,
            }
        })));
    });
    let picker_errors = Signal::derive(move || {
        if submitted.get() && chosen.get().is_none() {
            vec!["Pick a group.".to_owned()]
        } else {
            Vec::new()
        }
    });
    view! {
        <fieldset class="radio-row">
            <legend>"What to do"</legend>
            <label class="radio"><input type="radio" name="hub-op" id="op-add" prop:checked=move || add.get() on:change=move |_| add.set(true) />"Add to the auto-join groups"</label>
            <label class="radio"><input type="radio" name="hub-op" id="op-remove" prop:checked=move || !add.get() on:change=move |_| add.set(false) />"Remove from the auto-join groups"</label>
        </fieldset>
        <Picker id="bulk-group-picker" label="Group" placeholder="Search groups by name"
            options=options loading=loading query=query selected=chosen errors=picker_errors empty_text="No group matches." />
    }
}
