//! Edit in place: the options of a connection enabled for the organization, sent as a PATCH of
//! only what changed, with the rules' errors inline.

use lanyard_model::Change;
use lanyard_model::Validation;
use lanyard_model::auth0::{
    OrgConnection, StrategyKind, UpdateConnection, check_update, strategy_kind,
};
use lanyard_model::ids::OrganizationId;
use leptos::prelude::*;

use super::change_labels;
use crate::components::access_level::AccessLevelSelect;
use crate::components::field::{CheckField, TextField, rule_errors};
use crate::components::picker::PickerOption;
use crate::context::use_ctx;
use crate::tr;

/// Edit in place: the options of an enabled connection, sent as a PATCH of what changed.
#[component]
pub(super) fn EditForm(
    profile_id: String,
    org: PickerOption<OrganizationId>,
    item: OrgConnection,
    on_close: Callback<()>,
) -> impl IntoView {
    let ctx = use_ctx();
    let current = item.settings();
    let kind = item.strategy().map(strategy_kind);
    let name = RwSignal::new(
        current
            .organization_connection_name
            .clone()
            .unwrap_or_default(),
    );
    let membership = RwSignal::new(current.assign_membership_on_login);
    let button = RwSignal::new(current.show_as_button);
    let signup = RwSignal::new(current.is_signup_enabled);
    let level = RwSignal::new(current.organization_access_level);
    let before = StoredValue::new(current);
    let item = StoredValue::new(item);
    let update = move || {
        let mut wanted = before.get_value();
        wanted.organization_connection_name = Some(name.get()).filter(|n| !n.is_empty());
        wanted.assign_membership_on_login = membership.get();
        wanted.show_as_button = button.get();
        wanted.is_signup_enabled = signup.get();
        wanted.organization_access_level = level.get();
        UpdateConnection::between(&before.get_value(), &wanted)
    };
    let strategy = item.get_value().strategy().map(str::to_owned);
    let strategy_for_check = strategy.clone();
    let validation = Signal::derive(move || {
        let u = update();
        if u.is_empty() {
            Validation::default()
        } else {
            check_update(&u, &before.get_value(), strategy_for_check.as_deref())
        }
    });
    let field = move |f: &'static str| rule_errors(validation, f);
    let pid = StoredValue::new(profile_id);
    let org = StoredValue::new(org);
    let strategy = StoredValue::new(strategy);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let u = update();
        if u.is_empty() || !validation.get_untracked().is_ok() {
            return;
        }
        let it = item.get_value();
        ctx.propose(
            pid.get_value(),
            Change::Auth0Update {
                organization_id: org.get_value().value,
                connection_id: it.connection_id.clone(),
                update: u,
                expect: before.get_value(),
                strategy: strategy.get_value(),
                labels: change_labels(&org.get_value(), &it),
            },
        );
    };
    view! {
        <form class="card" on:submit=submit novalidate=true aria-label=tr!("edit-form") data-testid="edit-form">
            <h2>{tr!("edit-title", name = item.get_value().name().unwrap_or_default().to_owned())}</h2>
            <TextField id="edit_organization_connection_name" label=tr!("edit-org-connection-name") value=name errors=field("organization_connection_name") />
            <CheckField id="edit_assign_membership_on_login" label=tr!("enable-assign-membership") checked=membership />
            <CheckField id="edit_show_as_button" label=tr!("enable-show-as-button") checked=button
                disabled_reason=Signal::derive(move || (kind != Some(StrategyKind::Enterprise)).then(|| tr!("edit-button-enterprise-only"))) />
            <CheckField id="edit_is_signup_enabled" label=tr!("enable-allow-signup") checked=signup errors=field("is_signup_enabled")
                disabled_reason=Signal::derive(move || (kind != Some(StrategyKind::Database)).then(|| tr!("edit-signup-database-only"))) />
            <AccessLevelSelect id="edit_organization_access_level" level=level errors=field("organization_access_level") />
            <div class="modal-actions">
                <button type="button" class="btn" on:click=move |_| on_close.run(())>{tr!("action-cancel")}</button>
                <button type="submit" class="btn btn-primary" id="edit-submit" disabled=move || update().is_empty()>{tr!("action-preview")}</button>
            </div>
        </form>
    }
}
