//! Enabling an Auth0 connection for organizations, as the Auth0 page and the Bulk changes page
//! both ask it: the tenant's connections as picker choices, the per-organization options as a
//! form holds them, and their fields with the model's rules.

use lanyard_model::Validation;
use lanyard_model::auth0::{
    AccessLevel, Connection, EnableConnection, StrategyKind, strategy_kind,
};
use lanyard_model::ids::ConnectionId;
use leptos::prelude::*;

use crate::backend;
use crate::components::access_level::AccessLevelSelect;
use crate::components::field::{CheckField, TextField, rule_errors, rule_warnings};
use crate::components::inventory_listing::{InventoryListing, use_inventory_listing};
use crate::components::picker::PickerOption;
use crate::tr;

/// What the connection pickers load, in "Could not load the tenant's connections: …".
pub fn connections_what() -> String {
    tr!("what-tenant-connections")
}

/// The tenant's connections of `profile_id`, loaded now: from the inventory when it holds them
/// with their strategies (marked with its age, "Reload live" beside), else live; the connection
/// pickers show that they load, and why they could not be loaded with Retry.
pub fn tenant_connections(profile_id: String) -> Connections {
    let pid = StoredValue::new(profile_id);
    use_inventory_listing(
        move || {
            let profile_id = pid.get_value();
            async move { backend::inventory_connections(&profile_id).await }
        },
        move || {
            let profile_id = pid.get_value();
            async move { backend::auth0_connections(&profile_id).await }
        },
    )
}

/// The tenant's connections as the pickers load them.
pub type Connections = InventoryListing<Connection>;

/// The connections whose name or strategy holds the text typed, as picker choices; those in
/// `enabled` are shown greyed out as already enabled.
pub fn connection_choices(
    connections: Connections,
    query: RwSignal<String>,
    enabled: Signal<Vec<ConnectionId>>,
) -> Signal<Vec<PickerOption<ConnectionId>>> {
    Signal::derive(move || {
        let q = query.get().to_lowercase();
        let on = enabled.get();
        connections
            .value()
            .unwrap_or_default()
            .into_iter()
            .filter(|c| {
                q.is_empty() || c.name.to_lowercase().contains(&q) || c.strategy.contains(&q)
            })
            .map(|c| {
                let already = on.contains(&c.id);
                PickerOption {
                    detail: if already {
                        tr!("enable-already-enabled", strategy = c.strategy.clone())
                    } else {
                        format!(
                            "{} · {}",
                            c.strategy,
                            crate::i18n::words::strategy_kind(strategy_kind(&c.strategy))
                        )
                    },
                    value: c.id,
                    label: c.name,
                    disabled: already,
                }
            })
            .collect()
    })
}

/// The strategy of the connection picked in `chosen`.
pub fn picked_strategy(
    chosen: RwSignal<Option<PickerOption<ConnectionId>>>,
    connections: Connections,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        chosen.get().and_then(|o| {
            connections.with_value(|cs| {
                cs?.iter()
                    .find(|c| c.id == o.value)
                    .map(|c| c.strategy.clone())
            })
        })
    })
}

/// The per-organization options of an enable as a form holds them.
#[derive(Clone, Copy)]
pub struct EnableOptions {
    pub name: RwSignal<String>,
    pub membership: RwSignal<bool>,
    pub button: RwSignal<bool>,
    pub signup: RwSignal<bool>,
    pub level: RwSignal<AccessLevel>,
    pub is_enabled: RwSignal<bool>,
}

impl EnableOptions {
    /// Auth0's defaults, but with the button shown.
    pub fn new() -> Self {
        Self {
            name: RwSignal::new(String::new()),
            membership: RwSignal::new(false),
            button: RwSignal::new(true),
            signup: RwSignal::new(false),
            level: RwSignal::new(AccessLevel::None),
            is_enabled: RwSignal::new(true),
        }
    }

    /// The request for the picked connection; options that do not apply to its kind are left
    /// out, so Auth0 applies its own default.
    pub fn request(
        &self,
        chosen: Option<PickerOption<ConnectionId>>,
        kind: Option<StrategyKind>,
    ) -> Option<EnableConnection> {
        let mut r = EnableConnection::new(chosen?.value);
        r.organization_connection_name = Some(self.name.get()).filter(|n| !n.is_empty());
        r.assign_membership_on_login = Some(self.membership.get());
        r.show_as_button = (kind == Some(StrategyKind::Enterprise)).then(|| self.button.get());
        r.is_signup_enabled = (kind == Some(StrategyKind::Database)).then(|| self.signup.get());
        r.organization_access_level = Some(self.level.get());
        r.is_enabled = self.is_enabled.get();
        Some(r)
    }
}

impl Default for EnableOptions {
    fn default() -> Self {
        Self::new()
    }
}

/// The option fields of an enable, with the rules' errors and warnings under each and the
/// options that do not apply to the connection's kind disabled with the reason.
#[component]
pub fn EnableOptionFields(
    opts: EnableOptions,
    #[prop(into)] kind: Signal<Option<StrategyKind>>,
    #[prop(into)] validation: Signal<Validation>,
    #[prop(into)] name_hint: String,
) -> impl IntoView {
    let field = move |f: &'static str| rule_errors(validation, f);
    view! {
        <TextField id="organization_connection_name" label=tr!("enable-org-connection-name") value=opts.name
            errors=field("organization_connection_name") hint=name_hint />
        <CheckField id="assign_membership_on_login" label=tr!("enable-assign-membership") checked=opts.membership
            hint=tr!("enable-assign-membership-hint") />
        <CheckField id="show_as_button" label=tr!("enable-show-as-button") checked=opts.button warnings=rule_warnings(validation, "show_as_button")
            disabled_reason=Signal::derive(move || match kind.get() {
                Some(StrategyKind::Enterprise) | None => None,
                Some(k) => Some(tr!("enable-button-enterprise-only", kind = crate::i18n::words::strategy_kind(k))),
            }) />
        <CheckField id="is_signup_enabled" label=tr!("enable-allow-signup") checked=opts.signup errors=field("is_signup_enabled")
            disabled_reason=Signal::derive(move || match kind.get() {
                Some(StrategyKind::Database) | None => None,
                Some(k) => Some(tr!("enable-signup-database-only", kind = crate::i18n::words::strategy_kind(k))),
            }) />
        <AccessLevelSelect id="organization_access_level" level=opts.level errors=field("organization_access_level") />
    }
}
