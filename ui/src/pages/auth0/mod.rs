//! Auth0 > Organizations: pick an organization, see its connections, enable one with its
//! per-organization options, turn one off or on, edit or remove one; and its History: who
//! changed it, from the tenant's logs and Lanyard's audit log.

mod connections;
mod edit_form;
mod enable_form;
mod history;

use lanyard_model::Labels;
use lanyard_model::auth0::{OrgConnection, Organization};
use lanyard_model::ids::OrganizationId;
use lanyard_model::inventory::PickerKind;
use leptos::prelude::*;

use crate::backend;
use crate::components::enable_options::tenant_connections;
use crate::components::inventory_search::{LabelBy, item_option, use_inventory_search};
use crate::components::picker::{Picker, PickerOption};
use crate::tr;
use connections::OrgConnections;

fn org_label(o: &Organization) -> String {
    o.display_name
        .clone()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| o.name.clone())
}

/// A connection of the organization by its name, or its id when the reply has no name.
fn connection_label(item: &OrgConnection) -> String {
    item.name()
        .map_or_else(|| item.connection_id.to_string(), str::to_owned)
}

/// What a change on `item` of `org` is called in the preview, the toast and the audit log.
fn change_labels(org: &PickerOption<OrganizationId>, item: &OrgConnection) -> Labels {
    Labels {
        target: org.label.clone().into(),
        item: connection_label(item).into(),
    }
}

/// The organization picker, and the picked organization's connections.
#[component]
pub(super) fn OrgWorkspace(profile_id: String) -> impl IntoView {
    let pid = StoredValue::new(profile_id);
    let query = RwSignal::new(String::new());
    let selected = RwSignal::new(None::<PickerOption<OrganizationId>>);
    // The inventory answers at once; the live search (a checkpoint-paged scan when no name
    // matches exactly) when it holds no organization or the user asks for it.
    let search = use_inventory_search(
        pid.get_value(),
        PickerKind::Auth0Organization,
        query,
        |item| {
            item_option(item, LabelBy::DisplayName, |id| {
                OrganizationId::parse(id).ok()
            })
        },
        move |text: String| {
            let profile_id = pid.get_value();
            async move {
                backend::auth0_search_organizations(&profile_id, &text)
                    .await
                    .map(|orgs| {
                        orgs.iter()
                            .map(|o| PickerOption {
                                value: o.id.clone(),
                                label: org_label(o),
                                detail: format!("{} · {}", o.name, o.id),
                                disabled: false,
                            })
                            .collect()
                    })
            }
        },
    );
    let connections = tenant_connections(pid.get_value());

    view! {
        <Picker id="org-picker" label=tr!("auth0-org") placeholder=tr!("auth0-org-search")
            options=search.options() loading=search.searching() search_problem=search.problem() source=search.note() on_open=Callback::new(move |_| search.refresh()) query=query selected=selected
            empty_text=tr!("auth0-org-none-matches") />
        {move || match selected.get() {
            None => view! { <p class="muted">{tr!("auth0-pick-org")}</p> }.into_any(),
            Some(org) => view! { <OrgConnections profile_id=pid.get_value() org=org connections=connections /> }.into_any(),
        }}
    }
}
