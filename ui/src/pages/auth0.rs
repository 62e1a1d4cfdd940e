//! Auth0 > Organizations: pick an organization, see its connections, enable one with its
//! per-organization options, turn one off or on, remove one.

use lanyard_model::auth0::{
    AccessLevel, Connection, EnableConnection, OrgConnection, Organization, Patch, StrategyKind,
    UpdateConnection, check_enable, strategy_kind,
};
use lanyard_model::ids::{ConnectionId, OrganizationId};
use lanyard_model::profile::Product;
use lanyard_model::{Change, CommandError, Labels, Validation};
use leptos::prelude::*;

use crate::backend;
use crate::components::field::{CheckField, TextField};
use crate::components::picker::{Picker, PickerOption};
use crate::context::use_ctx;
use crate::nav::Page;

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

#[component]
fn OrgWorkspace(profile_id: String) -> impl IntoView {
    let ctx = use_ctx();
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

    let connections = RwSignal::new(Vec::<Connection>::new());
    leptos::task::spawn_local(async move {
        match backend::auth0_connections(&pid.get_value()).await {
            Ok(c) => connections.set(c),
            Err(err) => ctx.toasts.error(err.to_string()),
        }
    });

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

#[derive(Debug, Clone, PartialEq)]
enum Rows {
    Loading,
    Ready(Vec<OrgConnection>),
    Failed(CommandError),
}

#[component]
fn OrgConnections(
    profile_id: String,
    org: PickerOption<OrganizationId>,
    connections: RwSignal<Vec<Connection>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let rows = RwSignal::new(Rows::Loading);
    let filter = RwSignal::new(String::new());
    let sort_by_name = RwSignal::new(true);
    let pid = StoredValue::new(profile_id);
    let org = StoredValue::new(org);
    let form_open = RwSignal::new(false);
    let editing = RwSignal::new(None::<OrgConnection>);

    Effect::new(move |_| {
        ctx.refresh.track();
        editing.set(None);
        let (p, o) = (pid.get_value(), org.get_value().value);
        leptos::task::spawn_local(async move {
            rows.set(match backend::auth0_org_connections(&p, &o).await {
                Ok(list) => Rows::Ready(list),
                Err(err) => Rows::Failed(err),
            });
        });
    });

    let propose = move |change: Change| ctx.propose(pid.get_value(), change);
    let labels = move |item: &OrgConnection| Labels {
        target: org.get_value().label,
        item: item
            .name()
            .map_or_else(|| item.connection_id.to_string(), str::to_owned),
    };
    let ids = move |item: &OrgConnection| (org.get_value().value, item.connection_id.clone());

    view! {
        <div class="table-tools">
            <input type="search" placeholder="Filter connections" aria-label="Filter connections" id="connection-filter"
                prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
            <span class="topbar-spacer"></span>
            <button type="button" class="btn btn-primary" id="enable-connection" on:click=move |_| form_open.update(|o| *o = !*o)>
                {move || if form_open.get() { "Close the form" } else { "Enable connection" }}
            </button>
        </div>
        {move || editing.get().map(|item| view! { <EditForm profile_id=pid.get_value() org=org.get_value() item=item on_close=Callback::new(move |_| editing.set(None)) /> })}
        <Show when=move || form_open.get()>
            <EnableForm profile_id=pid.get_value() org=org.get_value() connections=connections
                enabled=Signal::derive(move || match rows.get() { Rows::Ready(r) => r.iter().map(|c| c.connection_id.clone()).collect(), _ => Vec::new() }) />
        </Show>
        {move || match rows.get() {
            Rows::Loading => view! { <p class="muted" role="status">"Loading connections…"</p> }.into_any(),
            Rows::Failed(err) => view! { <p class="error" role="alert">{err.to_string()}</p> }.into_any(),
            Rows::Ready(list) if list.is_empty() => view! {
                <div class="empty-state"><p>"No connection is enabled for this organization yet."</p></div>
            }.into_any(),
            Rows::Ready(mut list) => {
                let f = filter.get().to_lowercase();
                list.retain(|c| f.is_empty() || c.name().unwrap_or_default().to_lowercase().contains(&f) || c.strategy().unwrap_or_default().contains(&f));
                if sort_by_name.get() {
                    list.sort_by_key(|c| c.name().unwrap_or_default().to_lowercase());
                } else {
                    list.sort_by_key(|c| c.strategy().unwrap_or_default().to_owned());
                }
                view! {
                    <table class="data" data-testid="org-connections">
                        <thead><tr>
                            <th><button type="button" on:click=move |_| sort_by_name.set(true)>"Connection"</button></th>
                            <th><button type="button" on:click=move |_| sort_by_name.set(false)>"Strategy"</button></th>
                            <th>"Enabled"</th><th>"Button"</th><th>"Membership on login"</th><th>"Signup"</th><th>"Access level"</th><th>"Org connection name"</th><th></th>
                        </tr></thead>
                        <tbody>
                            {list.into_iter().map(|c| {
                                let s = c.settings();
                                let yes = |b: bool| if b { "Yes" } else { "No" };
                                let toggle_item = c.clone();
                                let edit_item = c.clone();
                                let remove_item = c.clone();
                                view! {
                                    <tr data-connection=c.connection_id.to_string()>
                                        <td>{c.name().map_or_else(|| c.connection_id.to_string(), str::to_owned)}</td>
                                        <td>{c.strategy().unwrap_or_default().to_owned()}</td>
                                        <td><span class=if s.is_enabled { "badge badge-ok" } else { "badge badge-off" }>{if s.is_enabled { "Enabled" } else { "Disabled" }}</span></td>
                                        <td>{yes(s.show_as_button)}</td>
                                        <td>{yes(s.assign_membership_on_login)}</td>
                                        <td>{if c.is_signup_enabled.is_some() { yes(s.is_signup_enabled) } else { "—" }}</td>
                                        <td>{s.organization_access_level.as_str()}</td>
                                        <td>{s.organization_connection_name.clone().unwrap_or_default()}</td>
                                        <td class="actions">
                                            <button type="button" class="btn btn-small" data-action="edit" on:click=move |_| editing.set(Some(edit_item.clone()))>"Edit"</button>
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
                                            }>{if s.is_enabled { "Disable" } else { "Enable" }}</button>
                                            <button type="button" class="btn btn-small" data-action="remove" on:click=move |_| {
                                                let (o, cid) = ids(&remove_item);
                                                propose(Change::Auth0Remove {
                                                    organization_id: o,
                                                    connection_id: cid,
                                                    expect: remove_item.settings(),
                                                    strategy: remove_item.strategy().map(str::to_owned),
                                                    labels: labels(&remove_item),
                                                });
                                            }>"Remove"</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }
        }}
    }
}

#[component]
fn EnableForm(
    profile_id: String,
    org: PickerOption<OrganizationId>,
    connections: RwSignal<Vec<Connection>>,
    #[prop(into)] enabled: Signal<Vec<ConnectionId>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let query = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<PickerOption<ConnectionId>>);
    let opts = EnableOptions::new();
    let submitted = RwSignal::new(false);

    let options = Signal::derive(move || {
        let q = query.get().to_lowercase();
        let on = enabled.get();
        connections
            .get()
            .into_iter()
            .filter(|c| {
                q.is_empty() || c.name.to_lowercase().contains(&q) || c.strategy.contains(&q)
            })
            .map(|c| {
                let already = on.contains(&c.id);
                PickerOption {
                    detail: if already {
                        format!("{} · already enabled", c.strategy)
                    } else {
                        format!("{} · {}", c.strategy, strategy_kind(&c.strategy).label())
                    },
                    value: c.id,
                    label: c.name,
                    disabled: already,
                }
            })
            .collect::<Vec<_>>()
    });
    let strategy = picked_strategy(chosen, connections);
    let kind = Signal::derive(move || strategy.get().map(|s| strategy_kind(&s)));
    let request = move || opts.request(chosen.get(), kind.get());
    let validation = Signal::derive(move || {
        request()
            .map(|r| check_enable(&r, strategy.get().as_deref()))
            .unwrap_or_default()
    });
    let picker_errors = Signal::derive(move || {
        if submitted.get() && chosen.get().is_none() {
            vec!["Pick a connection.".to_owned()]
        } else {
            Vec::new()
        }
    });
    let pid = StoredValue::new(profile_id);
    let org = StoredValue::new(org);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let Some(r) = request() else { return };
        if !validation.get_untracked().is_ok() {
            return;
        }
        let org_id = org.get_value().value;
        let item = chosen.get_untracked().map(|c| c.label).unwrap_or_default();
        ctx.propose(
            pid.get_value(),
            Change::Auth0Enable {
                organization_id: org_id,
                request: r,
                strategy: strategy.get_untracked(),
                labels: Labels {
                    target: org.get_value().label,
                    item,
                },
            },
        );
    };

    view! {
        <form class="card" on:submit=submit novalidate=true aria-label="Enable a connection" data-testid="enable-form">
            <Picker id="connection-picker" label="Connection" placeholder="Search connections by name or strategy"
                options=options loading=Signal::derive(|| false) query=query selected=chosen errors=picker_errors />
            <EnableOptionFields opts=opts kind=kind validation=validation
                name_hint="1 to 50 characters; needed before organization admins get any access level." />
            <CheckField id="is_enabled" label="Enabled" checked=opts.is_enabled hint="Off keeps the association and its options but does not offer the connection." />
            <button type="submit" class="btn btn-primary" id="enable-submit">"Preview"</button>
        </form>
    }
}

/// Edit in place: the options of an enabled connection, sent as a PATCH of what changed.
#[component]
fn EditForm(
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
            lanyard_model::auth0::check_update(
                &u,
                &before.get_value(),
                strategy_for_check.as_deref(),
            )
        }
    });
    let field = move |f: &'static str| {
        Signal::derive(move || validation.with(|v: &Validation| v.errors.get(f).to_vec()))
    };
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
                labels: Labels {
                    target: org.get_value().label,
                    item: it
                        .name()
                        .map_or_else(|| it.connection_id.to_string(), str::to_owned),
                },
            },
        );
    };
    view! {
        <form class="card" on:submit=submit novalidate=true aria-label="Edit the connection's options" data-testid="edit-form">
            <h2>{format!("Edit {}", item.get_value().name().unwrap_or_default())}</h2>
            <TextField id="edit_organization_connection_name" label="Organization connection name" value=name errors=field("organization_connection_name") />
            <CheckField id="edit_assign_membership_on_login" label="Assign membership on login" checked=membership />
            <CheckField id="edit_show_as_button" label="Show as a button on the login prompt" checked=button
                disabled_reason=Signal::derive(move || (kind != Some(StrategyKind::Enterprise)).then(|| "Only enterprise connections can be hidden.".to_owned())) />
            <CheckField id="edit_is_signup_enabled" label="Allow sign-up" checked=signup errors=field("is_signup_enabled")
                disabled_reason=Signal::derive(move || (kind != Some(StrategyKind::Database)).then(|| "Sign-up applies to database connections only.".to_owned())) />
            <div class="field" class:invalid=move || !field("organization_access_level").get().is_empty()>
                <label for="edit_organization_access_level">"Organization access level"</label>
                <select id="edit_organization_access_level" on:change=move |ev| level.set(AccessLevel::parse(&event_target_value(&ev)).unwrap_or_default())>
                    {AccessLevel::ALL.into_iter().map(|l| view! { <option value=l.as_str() selected=move || level.get() == l>{format!("{} — {}", l.as_str(), l.describe())}</option> }).collect_view()}
                </select>
                <div class="field-messages">{move || field("organization_access_level").get().into_iter().map(|m| view! { <p class="field-error">{crate::components::field::sentence(&m)}</p> }).collect_view()}</div>
            </div>
            <div class="modal-actions">
                <button type="button" class="btn" on:click=move |_| on_close.run(())>"Cancel"</button>
                <button type="submit" class="btn btn-primary" id="edit-submit" disabled=move || update().is_empty()>"Preview"</button>
            </div>
        </form>
    }
}

/// The per-organization options of an enable as a form holds them, shared by the Auth0 page and
/// the Bulk changes page.
#[derive(Clone, Copy)]
pub(crate) struct EnableOptions {
    pub name: RwSignal<String>,
    pub membership: RwSignal<bool>,
    pub button: RwSignal<bool>,
    pub signup: RwSignal<bool>,
    pub level: RwSignal<AccessLevel>,
    pub is_enabled: RwSignal<bool>,
}

impl EnableOptions {
    /// Auth0's defaults, but with the button shown.
    pub(crate) fn new() -> Self {
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
    pub(crate) fn request(
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

/// The strategy of the connection picked in `chosen`.
pub(crate) fn picked_strategy(
    chosen: RwSignal<Option<PickerOption<ConnectionId>>>,
    connections: RwSignal<Vec<Connection>>,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        chosen.get().and_then(|o| {
            connections.with(|cs| {
                cs.iter()
                    .find(|c| c.id == o.value)
                    .map(|c| c.strategy.clone())
            })
        })
    })
}

/// The option fields of an enable, with the rules' errors and warnings under each and the
/// options that do not apply to the connection's kind disabled with the reason.
#[component]
pub(crate) fn EnableOptionFields(
    opts: EnableOptions,
    #[prop(into)] kind: Signal<Option<StrategyKind>>,
    #[prop(into)] validation: Signal<Validation>,
    name_hint: &'static str,
) -> impl IntoView {
    let field = move |f: &'static str| {
        Signal::derive(move || validation.with(|v: &Validation| v.errors.get(f).to_vec()))
    };
    let warn = move |f: &'static str| {
        Signal::derive(move || validation.with(|v: &Validation| v.warnings.get(f).to_vec()))
    };
    let level = opts.level;
    view! {
        <TextField id="organization_connection_name" label="Organization connection name (optional)" value=opts.name
            errors=field("organization_connection_name") hint=name_hint />
        <CheckField id="assign_membership_on_login" label="Assign membership on login" checked=opts.membership
            hint="Everyone who logs in with this connection becomes a member of the organization." />
        <CheckField id="show_as_button" label="Show as a button on the login prompt" checked=opts.button warnings=warn("show_as_button")
            disabled_reason=Signal::derive(move || match kind.get() {
                Some(StrategyKind::Enterprise) | None => None,
                Some(k) => Some(format!("Only enterprise connections can be hidden; this is a {} connection, shown as Auth0 decides.", k.label())),
            }) />
        <CheckField id="is_signup_enabled" label="Allow sign-up" checked=opts.signup errors=field("is_signup_enabled")
            disabled_reason=Signal::derive(move || match kind.get() {
                Some(StrategyKind::Database) | None => None,
                Some(k) => Some(format!("Sign-up applies to database connections only; this is a {} connection.", k.label())),
            }) />
        <div class="field" class:invalid=move || !field("organization_access_level").get().is_empty()>
            <label for="organization_access_level">"Organization access level"</label>
            <select id="organization_access_level" on:change=move |ev| level.set(AccessLevel::parse(&event_target_value(&ev)).unwrap_or_default())>
                {AccessLevel::ALL.into_iter().map(|l| view! { <option value=l.as_str() selected=move || level.get() == l>{format!("{} — {}", l.as_str(), l.describe())}</option> }).collect_view()}
            </select>
            <div class="field-messages">{move || field("organization_access_level").get().into_iter().map(|m| view! { <p class="field-error">{crate::components::field::sentence(&m)}</p> }).collect_view()}</div>
        </div>
    }
}
