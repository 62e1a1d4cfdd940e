//! The connections enabled for an organization: a table with filter and sort, and on each row
//! Edit, Disable/Enable and Remove; the forms to enable one and to edit one open above it. A
//! second tab, History, says who changed the organization (`super::history`).

use lanyard_model::Change;
use lanyard_model::auth0::{OrgConnection, Patch, UpdateConnection};
use lanyard_model::ids::OrganizationId;
use leptos::prelude::*;

use super::edit_form::EditForm;
use super::enable_form::EnableForm;
use super::history::history_chunk;
use super::{change_labels, connection_label};
use crate::backend;
use crate::components::enable_options::Connections;
use crate::components::picker::PickerOption;
use crate::context::use_ctx;
use crate::lazy::{self, Waiting};
use crate::load::use_load;
use crate::tr;

/// The connections enabled for `org` as a table with filter and sort, each row with its actions,
/// and the enable and edit forms.
#[component]
pub(super) fn OrgConnections(
    profile_id: String,
    org: PickerOption<OrganizationId>,
    connections: Connections,
) -> impl IntoView {
    let ctx = use_ctx();
    let filter = RwSignal::new(String::new());
    let sort_by_name = RwSignal::new(true);
    let pid = StoredValue::new(profile_id);
    let org = StoredValue::new(org);
    let form_open = RwSignal::new(false);
    let editing = RwSignal::new(None::<OrgConnection>);
    let history_shown = RwSignal::new(false);

    let rows = use_load(move || {
        ctx.refresh.track();
        let (p, o) = (pid.get_value(), org.get_value().value);
        async move { backend::auth0_org_connections(&p, &o).await }
    });
    // A change applied closes the edit form: the row it edited is read again.
    Effect::new(move |_| {
        ctx.refresh.track();
        editing.set(None);
    });

    let propose = move |change: Change| ctx.propose(pid.get_value(), change);
    let labels = move |item: &OrgConnection| change_labels(&org.get_value(), item);
    let ids = move |item: &OrgConnection| (org.get_value().value, item.connection_id.clone());

    view! {
        <div class="tabs" role="tablist" aria-label=tr!("auth0-org")>
            <button type="button" role="tab" id="org-tab-connections" aria-controls="org-panel-connections"
                class=move || if history_shown.get() { "tab" } else { "tab active" }
                aria-selected=move || (!history_shown.get()).to_string()
                on:click=move |_| history_shown.set(false)>{tr!("conn-tab-connections")}</button>
            <button type="button" role="tab" id="org-tab-history" aria-controls="org-panel-history"
                class=move || if history_shown.get() { "tab active" } else { "tab" }
                aria-selected=move || history_shown.get().to_string()
                on:click=move |_| history_shown.set(true)>{tr!("conn-tab-history")}</button>
        </div>
        <Show when=move || history_shown.get()>
            <div role="tabpanel" id="org-panel-history" aria-labelledby="org-tab-history">
                {lazy::show(history_chunk(pid.get_value(), org.get_value(), connections), Waiting::Page)}
            </div>
        </Show>
        <div role="tabpanel" id="org-panel-connections" aria-labelledby="org-tab-connections" hidden=move || history_shown.get()>
        <div class="table-tools">
            <input type="search" placeholder=tr!("conn-filter") aria-label=tr!("conn-filter") id="connection-filter"
                prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
            <span class="topbar-spacer"></span>
            <button type="button" class="btn btn-primary" id="enable-connection" on:click=move |_| form_open.update(|o| *o = !*o)>
                {move || if form_open.get() { tr!("conn-close-form") } else { tr!("conn-enable") }}
            </button>
        </div>
        {move || editing.get().map(|item| view! { <EditForm profile_id=pid.get_value() org=org.get_value() item=item on_close=Callback::new(move |_| editing.set(None)) /> })}
        <Show when=move || form_open.get()>
            <EnableForm profile_id=pid.get_value() org=org.get_value() connections=connections
                enabled=Signal::derive(move || rows.with_value(|r| r.map(|r| r.iter().map(|c| c.connection_id.clone()).collect()).unwrap_or_default())) />
        </Show>
        {rows.view(tr!("what-connections"), move |list: Vec<OrgConnection>| match list {
            list if list.is_empty() => view! {
                <div class="empty-state"><p>{tr!("conn-none")}</p></div>
            }.into_any(),
            mut list => {
                let f = filter.get().to_lowercase();
                list.retain(|c| f.is_empty() || c.name().unwrap_or_default().to_lowercase().contains(&f) || c.strategy().unwrap_or_default().contains(&f));
                if sort_by_name.get() {
                    list.sort_by_key(|c| c.name().unwrap_or_default().to_lowercase());
                } else {
                    list.sort_by_key(|c| c.strategy().unwrap_or_default().to_owned());
                }
                view! {
                    <table class="data" data-testid="org-connections">
                        <caption class="sr-only">{tr!("conn-caption")}</caption>
                        <thead><tr>
                            <th scope="col"><button type="button" on:click=move |_| sort_by_name.set(true)>{tr!("enable-connection")}</button></th>
                            <th scope="col"><button type="button" on:click=move |_| sort_by_name.set(false)>{tr!("conn-strategy")}</button></th>
                            <th scope="col">{tr!("enable-enabled")}</th><th scope="col">{tr!("conn-button")}</th><th scope="col">{tr!("conn-membership")}</th><th scope="col">{tr!("conn-signup")}</th><th scope="col">{tr!("conn-access-level")}</th><th scope="col">{tr!("conn-org-name")}</th><th scope="col"><span class="sr-only">{tr!("conn-actions")}</span></th>
                        </tr></thead>
                        <tbody>
                            {list.into_iter().map(|c| {
                                let s = c.settings();
                                let yes = |b: bool| if b { tr!("yes") } else { tr!("no") };
                                let toggle_item = c.clone();
                                let edit_item = c.clone();
                                let remove_item = c.clone();
                                view! {
                                    <tr data-connection=c.connection_id.to_string()>
                                        <td>{connection_label(&c)}</td>
                                        <td>{c.strategy().unwrap_or_default().to_owned()}</td>
                                        <td><span class=if s.is_enabled { "badge badge-ok" } else { "badge badge-off" }>{if s.is_enabled { tr!("enable-enabled") } else { tr!("conn-disabled") }}</span></td>
                                        <td>{yes(s.show_as_button)}</td>
                                        <td>{yes(s.assign_membership_on_login)}</td>
                                        <td>{if c.is_signup_enabled.is_some() { yes(s.is_signup_enabled) } else { "—".to_owned() }}</td>
                                        <td>{s.organization_access_level.as_str()}</td>
                                        <td>{s.organization_connection_name.clone().unwrap_or_default()}</td>
                                        <td class="actions">
                                            <button type="button" class="btn btn-small" data-action="edit" on:click=move |_| editing.set(Some(edit_item.clone()))>{tr!("conn-edit")}</button>
                                            <button type="button" class="btn btn-small" data-action="toggle" on:click=move |_| {
                                                let (o, cid) = ids(&toggle_item);
                                                let expect = toggle_item.settings();
                                                propose(Change::Auth0Update {
                                                    organization_id: o,
                                                    connection_id: cid,
                                                    update: UpdateConnection { is_enabled: Patch::Set(!expect.is_enabled), ..Default::default() },
                                                    expect,
                                                    strategy: toggle_item.strategy().map(str::to_owned),
                                                    labels: labels(&toggle_item),
                                                });
                                            }>{if s.is_enabled { tr!("conn-disable-action") } else { tr!("conn-enable-action") }}</button>
                                            <button type="button" class="btn btn-small" data-action="remove" on:click=move |_| {
                                                let (o, cid) = ids(&remove_item);
                                                propose(Change::Auth0Remove {
                                                    organization_id: o,
                                                    connection_id: cid,
                                                    expect: remove_item.settings(),
                                                    strategy: remove_item.strategy().map(str::to_owned),
                                                    labels: labels(&remove_item),
                                                });
                                            }>{tr!("conn-remove")}</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }
        })}
        </div>
    }
}
