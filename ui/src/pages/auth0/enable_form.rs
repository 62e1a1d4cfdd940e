//! The form that enables a connection for the organization: a connection picker (those already
//! enabled greyed out), the per-organization options, the rules' errors inline; Preview proposes
//! the change.

use lanyard_model::auth0::{check_enable, strategy_kind};
use lanyard_model::ids::{ConnectionId, OrganizationId};
use lanyard_model::{Change, Labels};
use leptos::prelude::*;

use crate::components::enable_options::Connections;
use crate::components::enable_options::{
    EnableOptionFields, EnableOptions, connection_choices, connections_what, picked_strategy,
};
use crate::components::field::CheckField;
use crate::components::picker::{Picker, PickerOption, pick_required};
use crate::context::use_ctx;
use crate::tr;

#[component]
pub(super) fn EnableForm(
    profile_id: String,
    org: PickerOption<OrganizationId>,
    connections: Connections,
    /// The connections the organization has already.
    #[prop(into)]
    enabled: Signal<Vec<ConnectionId>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let query = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<PickerOption<ConnectionId>>);
    let opts = EnableOptions::new();
    let submitted = RwSignal::new(false);

    let options = connection_choices(connections, query, enabled);
    let strategy = picked_strategy(chosen, connections);
    let kind = Signal::derive(move || strategy.get().map(|s| strategy_kind(&s)));
    let request = move || opts.request(chosen.get(), kind.get());
    let validation = Signal::derive(move || {
        request()
            .map(|r| check_enable(&r, strategy.get().as_deref()))
            .unwrap_or_default()
    });
    let picker_errors = pick_required(submitted.into(), chosen, tr!("enable-pick-connection"));
    let pid = StoredValue::new(profile_id);
    let org = StoredValue::new(org);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let Some(r) = request() else { return };
        if !validation.get_untracked().is_ok() {
            return;
        }
        let org = org.get_value();
        let item = chosen.get_untracked().map(|c| c.label).unwrap_or_default();
        ctx.propose(
            pid.get_value(),
            Change::Auth0Enable {
                organization_id: org.value,
                request: r,
                strategy: strategy.get_untracked(),
                labels: Labels {
                    target: org.label.into(),
                    item: item.into(),
                },
            },
        );
    };

    view! {
        <form class="card" on:submit=submit novalidate=true aria-label=tr!("enable-form") data-testid="enable-form">
            <Picker id="connection-picker" label=tr!("enable-connection") placeholder=tr!("enable-connection-search")
                options=options loading=connections.loading() search_problem=connections.problem(connections_what())
                retry=Callback::new(move |_| connections.retry()) source=connections.note() query=query selected=chosen errors=picker_errors />
            <EnableOptionFields opts=opts kind=kind validation=validation
                name_hint=tr!("enable-name-hint") />
            <CheckField id="is_enabled" label=tr!("enable-enabled") checked=opts.is_enabled hint=tr!("enable-enabled-hint") />
            <button type="submit" class="btn btn-primary" id="enable-submit">{tr!("action-preview")}</button>
        </form>
    }
}
