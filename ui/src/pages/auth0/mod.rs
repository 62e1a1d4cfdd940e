//! Auth0 > Organizations: pick an organization, see its connections, enable one with its
//! per-organization options, turn one off or on, edit or remove one.

mod connections;
mod edit_form;
mod enable_form;

use lanyard_model::auth0::{OrgConnection, Organization};
use lanyard_model::ids::OrganizationId;
use lanyard_model::profile::Product;
use lanyard_model::{CommandError, Labels};
use leptos::prelude::*;

use crate::backend;
use crate::components::enable_options::tenant_connections;
use crate::components::picker::{Picker, PickerOption};
use crate::context::use_ctx;
use crate::nav::Page;
use connections::OrgConnections;

#[component]
pub fn Auth0Page() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="page" aria-labelledby="page-title">
            {super::header(Page::Auth0)}
            {move || match ctx.profile_for(Product::Auth0) {
                None => super::no_profile(Product::Auth0).into_any(),
                Some(p) => view! { <OrgWorkspace profile_id=p.id.clone() /> }.into_any(),
            }}
        </section>
    }
}

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
        target: org.label.clone(),
        item: connection_label(item),
    }
}

/// The organization picker, and the picked organization's connections.
#[component]
fn OrgWorkspace(profile_id: String) -> impl IntoView {
    let pid = StoredValue::new(profile_id);
    let query = RwSignal::new(String::new());
    let options = RwSignal::new(Vec::<PickerOption<OrganizationId>>::new());
    let searching = RwSignal::new(false);
    let selected = RwSignal::new(None::<PickerOption<OrganizationId>>);
    let search_error = RwSignal::new(None::<CommandError>);

    // Search as the user types; a newer query wins over an older answer.
    let generation = StoredValue::new(0u32);
    Effect::new(move |_| {
        let text = query.get();
        let n = generation.get_value() + 1;
        generation.set_value(n);
        searching.set(true);
        leptos::task::spawn_local(async move {
            let result = backend::auth0_organizations(&pid.get_value(), &text).await;
            if generation.get_value() != n {
                return;
            }
            searching.set(false);
            match result {
                Ok(orgs) => {
                    search_error.set(None);
                    options.set(
                        orgs.iter()
                            .map(|o| PickerOption {
                                value: o.id.clone(),
                                label: org_label(o),
                                detail: format!("{} · {}", o.name, o.id),
                                disabled: false,
                            })
                            .collect(),
                    );
                }
                Err(err) => search_error.set(Some(err)),
            }
        });
    });

    let connections = tenant_connections(pid.get_value());

    view! {
        <Picker id="org-picker" label="Organization" placeholder="Search organizations by name"
            options=options loading=searching query=query selected=selected empty_text="No organization matches." />
        {move || search_error.get().map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
        {move || match selected.get() {
            None => view! { <p class="muted">"Pick an organization to see the connections enabled for it."</p> }.into_any(),
            Some(org) => view! { <OrgConnections profile_id=pid.get_value() org=org connections=connections /> }.into_any(),
        }}
    }
}
