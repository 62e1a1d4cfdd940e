//! Bulk changes: one change on many organizations, identity providers or auth modules. Pick the
//! change, tick the targets (or all that match the filter), review the live plan as a table,
//! then run it at the API's pace with progress, pause, resume and cancel; retry what failed,
//! undo the whole run, export the results.

use std::collections::BTreeSet;

use lanyard_model::auth0::{Connection, Patch, UpdateConnection, check_enable, strategy_kind};
use lanyard_model::bulk::{
    BulkOp, BulkTarget, ItemStatus, ItemView, RunAction, RunState, RunSummary, RunView,
};
use lanyard_model::ids::{ConnectionId, UserGroupId, ZitadelOrgId};
use lanyard_model::profile::Product;
use lanyard_model::zitadel::{IdpOwnerType, PolicyScope};
use lanyard_model::{CommandError, Validation};
use leptos::prelude::*;

use super::auth0::{EnableOptionFields, EnableOptions, picked_strategy};
use crate::app::use_ctx;
use crate::backend;
use crate::components::modal::ConfirmDialog;
use crate::components::picker::{Picker, PickerOption};
use crate::nav::Page;

/// Waits `ms` milliseconds without blocking the page.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[component]
pub fn BulkPage() -> impl IntoView {
    let ctx = use_ctx();
    // The run on screen; `None` shows the form for a new one.
    let run = RwSignal::new(None::<String>);
    let runs = RwSignal::new(Vec::<RunSummary>::new());
    Effect::new(move |_| {
        run.track();
        leptos::task::spawn_local(async move {
            if let Ok(list) = backend::bulk_runs().await {
                runs.set(list);
            }
        });
    });
    let product = ctx.bulk_product;
    view! {
        <section class="page" aria-labelledby="page-title">
            {super::header(Page::Bulk)}
            {move || {
                let open: Vec<RunSummary> = runs.get().into_iter().filter(|r| matches!(r.state, RunState::Interrupted | RunState::Paused | RunState::Ready | RunState::Running)).collect();
                (run.get().is_none() && !open.is_empty()).then(|| view! {
                    <div class="notice" role="status" data-testid="open-runs">
                        <strong>"Unfinished bulk runs"</strong>
                        <ul class="plain">
                            {open.into_iter().map(|r| {
                                let id = r.id.clone();
                                view! {
                                    <li>
                                        {format!("{} — {} ({} of {} done)", r.summary, state_label(r.state), r.counts.done + r.counts.skipped, r.counts.total)}
                                        " "
                                        <button type="button" class="btn btn-small" data-action="open-run" on:click=move |_| run.set(Some(id.clone()))>
                                            {if r.state == RunState::Interrupted { "Review and resume" } else { "Open" }}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            {move || match run.get() {
                Some(id) => view! { <RunPanel run_id=id on_close=Callback::new(move |_| run.set(None)) on_open=Callback::new(move |id| run.set(Some(id))) /> }.into_any(),
                None => view! {
                    <div class="tabs" role="tablist" aria-label="Product">
                        {Product::ALL.into_iter().map(|p| view! {
                            <button type="button" role="tab" class="tab" id=format!("bulk-tab-{}", slug(p))
                                aria-selected=move || (product.get() == p).to_string()
                                class:active=move || product.get() == p
                                on:click=move |_| product.set(p)>{p.label()}</button>
                        }).collect_view()}
                    </div>
                    {move || {
                        let p = product.get();
                        match ctx.profile_for(p) {
                            None => super::no_profile(p).into_any(),
                            Some(profile) => view! { <NewRun product=p profile_id=profile.id.clone() on_planned=Callback::new(move |id| run.set(Some(id))) /> }.into_any(),
                        }
                    }}
                }.into_any(),
            }}
        </section>
    }
}

fn slug(p: Product) -> &'static str {
    match p {
        Product::Auth0 => "auth0",
        Product::Zitadel => "zitadel",
        Product::Hub => "hub",
    }
}

fn state_label(s: RunState) -> &'static str {
    match s {
        RunState::Planning => "Reading current state",
        RunState::Ready => "Ready to start",
        RunState::Running => "Running",
        RunState::Paused => "Paused",
        RunState::Cancelled => "Cancelled",
        RunState::Finished => "Finished",
        RunState::Interrupted => "Interrupted",
    }
}

/// A row of the target table.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    target: BulkTarget,
    detail: String,
}

/// The form for a new run: the change, then the targets.
#[component]
fn NewRun(product: Product, profile_id: String, on_planned: Callback<String>) -> impl IntoView {
    let pid = StoredValue::new(profile_id);
    let rows = RwSignal::new(None::<Result<Vec<Row>, CommandError>>);
    let selected = RwSignal::new(BTreeSet::<String>::new());
    let filter = RwSignal::new(String::new());
    let op = RwSignal::new(None::<Result<BulkOp, String>>);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<CommandError>);
    let submitted = RwSignal::new(false);

    leptos::task::spawn_local(async move {
        let p = pid.get_value();
        let loaded: Result<Vec<Row>, CommandError> = match product {
            Product::Auth0 => backend::auth0_all_organizations(&p).await.map(|orgs| {
                orgs.into_iter()
                    .map(|o| Row {
                        detail: o.id.clone(),
                        target: BulkTarget {
                            name: o
                                .display_name
                                .clone()
                                .filter(|d| !d.is_empty())
                                .unwrap_or_else(|| o.name.clone()),
                            id: o.id,
                            owner_type: None,
                        },
                    })
                    .collect()
            }),
            Product::Zitadel => backend::zitadel_providers(&p, "").await.map(|list| {
                list.into_iter()
                    .map(|i| Row {
                        detail: format!(
                            "{} · {}",
                            i.kind_label(),
                            if i.is_active() { "active" } else { "inactive" }
                        ),
                        target: BulkTarget {
                            owner_type: Some(if i.owner.as_deref() == Some("IDP_OWNER_TYPE_ORG") {
                                IdpOwnerType::Org
                            } else {
                                IdpOwnerType::System
                            }),
                            name: if i.name.is_empty() {
                                i.id.clone()
                            } else {
                                i.name.clone()
                            },
                            id: i.id,
                        },
                    })
                    .collect()
            }),
            Product::Hub => backend::hub_modules(&p).await.map(|list| {
                list.into_iter()
                    .map(|m| Row {
                        detail: format!(
                            "{} · {}",
                            m.kind_label(),
                            if m.disabled == Some(true) {
                                "disabled"
                            } else {
                                "enabled"
                            }
                        ),
                        target: BulkTarget {
                            name: m.name.clone().unwrap_or_else(|| m.id.clone()),
                            id: m.id,
                            owner_type: None,
                        },
                    })
                    .collect()
            }),
        };
        rows.set(Some(loaded));
    });

    let matching = move || -> Vec<Row> {
        let f = filter.get().to_lowercase();
        match rows.get() {
            Some(Ok(r)) => r
                .into_iter()
                .filter(|r| {
                    f.is_empty()
                        || r.target.name.to_lowercase().contains(&f)
                        || r.detail.to_lowercase().contains(&f)
                })
                .collect(),
            _ => Vec::new(),
        }
    };
    let targets = move || -> Vec<BulkTarget> {
        let chosen = selected.get();
        match rows.get() {
            Some(Ok(r)) => r
                .into_iter()
                .filter(|r| chosen.contains(&r.target.id))
                .map(|r| r.target)
                .collect(),
            _ => Vec::new(),
        }
    };
    let target_errors = Signal::derive(move || {
        if submitted.get() && selected.with(BTreeSet::is_empty) {
            vec![format!("Tick at least one {}.", noun(product, 1))]
        } else {
            Vec::new()
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let Some(Ok(change)) = op.get_untracked() else {
            return;
        };
        let t = targets();
        if t.is_empty() {
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = backend::bulk_plan(&pid.get_value(), &change, &t).await;
            busy.set(false);
            match result {
                Ok(id) => on_planned.run(id),
                Err(err) => error.set(Some(err)),
            }
        });
    };

    view! {
        <form class="bulk-form" on:submit=submit novalidate=true aria-label="New bulk change" data-testid="bulk-form">
            <div class="card">
                <h2>"1. The change"</h2>
                {match product {
                    Product::Auth0 => view! { <Auth0Change profile_id=pid.get_value() op=op submitted=submitted /> }.into_any(),
                    Product::Zitadel => view! { <ZitadelChange profile_id=pid.get_value() op=op /> }.into_any(),
                    Product::Hub => view! { <HubChange profile_id=pid.get_value() op=op submitted=submitted /> }.into_any(),
                }}
            </div>
            <div class="card">
                <h2>{format!("2. The {}", noun(product, 2))}</h2>
                <div class="table-tools">
                    <input type="search" id="bulk-filter" placeholder=format!("Filter {} by name", noun(product, 2)) aria-label=format!("Filter {}", noun(product, 2))
                        prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
                    <button type="button" class="btn" id="select-matching" on:click=move |_| {
                        let ids: Vec<String> = matching().into_iter().map(|r| r.target.id).collect();
                        selected.update(|s| s.extend(ids));
                    }>{move || format!("Select all {} matching", matching().len())}</button>
                    <button type="button" class="btn" id="select-none" on:click=move |_| selected.set(BTreeSet::new())>"Clear selection"</button>
                    <span class="topbar-spacer"></span>
                    <span class="muted" id="selected-count" role="status">{move || format!("{} selected", selected.with(BTreeSet::len))}</span>
                </div>
                {move || target_errors.get().into_iter().map(|m| view! { <p class="field-error" role="alert">{m}</p> }).collect_view()}
                {move || match rows.get() {
                    None => view! { <p class="muted" role="status">{format!("Loading {}…", noun(product, 2))}</p> }.into_any(),
                    Some(Err(err)) => view! { <p class="error" role="alert">{err.to_string()}</p> }.into_any(),
                    Some(Ok(all)) if all.is_empty() => view! { <div class="empty-state"><p>{format!("This profile has no {}.", noun(product, 2))}</p></div> }.into_any(),
                    Some(Ok(_)) => {
                        let shown = matching();
                        view! {
                            <div class="table-scroll">
                                <table class="data" data-testid="bulk-targets">
                                    <thead><tr><th class="check"><span class="sr-only">"Selected"</span></th><th>"Name"</th><th>"Details"</th></tr></thead>
                                    <tbody>
                                        {shown.into_iter().map(|r| {
                                            let id = r.target.id.clone();
                                            let id_check = id.clone();
                                            let id_attr = id.clone();
                                            view! {
                                                <tr data-target=id_attr>
                                                    <td class="check"><input type="checkbox" aria-label=format!("Select {}", r.target.name)
                                                        prop:checked=move || selected.with(|s| s.contains(&id_check))
                                                        on:change=move |ev| {
                                                            let on = event_target_checked(&ev);
                                                            let id = id.clone();
                                                            selected.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                                                        } /></td>
                                                    <td>{r.target.name.clone()}</td>
                                                    <td class="muted small">{r.detail.clone()}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }
                }}
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" id="bulk-preview" disabled=move || busy.get()>
                    {move || if busy.get() { "Planning…".to_owned() } else { format!("Preview {} changes", selected.with(BTreeSet::len)) }}
                </button>
            </div>
        </form>
    }
}

fn noun(product: Product, n: usize) -> &'static str {
    match (product, n == 1) {
        (Product::Auth0, true) => "organization",
        (Product::Auth0, false) => "organizations",
        (Product::Zitadel, true) => "identity provider",
        (Product::Zitadel, false) => "identity providers",
        (Product::Hub, true) => "auth module",
        (Product::Hub, false) => "auth modules",
    }
}

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
fn Auth0Change(
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
    let chosen = RwSignal::new(None::<PickerOption>);
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
                id: c.id,
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
        let Ok(connection_id) = ConnectionId::parse(c.id.clone()) else {
            op.set(Some(Err("not a valid connection id".into())));
            return;
        };
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
fn ZitadelChange(
    profile_id: String,
    op: RwSignal<Option<Result<BulkOp, String>>>,
) -> impl IntoView {
    let link = RwSignal::new(true);
    let orgs = RwSignal::new(Vec::<lanyard_model::zitadel::Org>::new());
    let scope_id = RwSignal::new(String::new());
    let pid = StoredValue::new(profile_id);
    leptos::task::spawn_local(async move {
        if let Ok(list) = backend::zitadel_orgs(&pid.get_value()).await {
            orgs.set(list);
        }
    });
    Effect::new(move |_| {
        let id = scope_id.get();
        let (scope, scope_name) = if id.is_empty() {
            (PolicyScope::Instance, "the instance".to_owned())
        } else {
            match ZitadelOrgId::parse(id.clone()) {
                Ok(org_id) => (
                    PolicyScope::Organization { org_id },
                    orgs.with(|o| o.iter().find(|o| o.id == id).map(|o| o.name.clone()))
                        .unwrap_or(id),
                ),
                Err(e) => {
                    op.set(Some(Err(e.to_string())));
                    return;
                }
            }
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
            <select id="bulk-scope" on:change=move |ev| scope_id.set(event_target_value(&ev))>
                <option value="">"The instance's default policy"</option>
                {move || orgs.get().into_iter().map(|o| view! { <option value=o.id.clone()>{format!("Organization {}", o.name)}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn HubChange(
    profile_id: String,
    op: RwSignal<Option<Result<BulkOp, String>>>,
    submitted: RwSignal<bool>,
) -> impl IntoView {
    let add = RwSignal::new(true);
    let query = RwSignal::new(String::new());
    let options = RwSignal::new(Vec::<PickerOption>::new());
    let chosen = RwSignal::new(None::<PickerOption>);
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
                            label: g.name.clone().unwrap_or_else(|| g.id.clone()),
                            detail: format!("{} users", g.user_count.unwrap_or(0)),
                            id: g.id,
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
        op.set(Some(match UserGroupId::parse(g.id.clone()) {
            Ok(group_id) if add.get() => Ok(BulkOp::HubAdd {
                group_id,
                group_name: g.label,
            }),
            Ok(group_id) => Ok(BulkOp::HubRemove {
                group_id,
                group_name: g.label,
            }),
            Err(e) => Err(e.to_string()),
        }));
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

/// A run: its plan, progress and results, with the controls its state allows.
#[component]
fn RunPanel(run_id: String, on_close: Callback<()>, on_open: Callback<String>) -> impl IntoView {
    let ctx = use_ctx();
    let id = StoredValue::new(run_id);
    let view_ = RwSignal::new(None::<Result<RunView, CommandError>>);
    let alive = StoredValue::new(true);
    let busy = RwSignal::new(false);
    let show = RwSignal::new("all".to_owned());
    let confirm_open = RwSignal::new(false);
    on_cleanup(move || alive.set_value(false));
    // Poll while the panel is shown: the runner works in the background.
    leptos::task::spawn_local(async move {
        loop {
            if !alive.try_get_value().unwrap_or(false) {
                break;
            }
            let v = backend::bulk_view(&id.get_value()).await;
            if !alive.try_get_value().unwrap_or(false) {
                break;
            }
            let settled =
                matches!(&v, Ok(r) if matches!(r.state, RunState::Finished | RunState::Cancelled));
            view_.set(Some(v));
            sleep(if settled { 2_000 } else { 400 }).await;
        }
    });
    let act = move |action: RunAction, confirm: Option<String>| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = backend::bulk_control(&id.get_value(), action, confirm.as_deref()).await;
            busy.set(false);
            match result {
                Ok(v) => {
                    view_.set(Some(Ok(v)));
                    ctx.refresh.update(|n| *n += 1);
                }
                Err(err) => ctx.toasts.error(err.to_string()),
            }
        });
    };
    let undo = move || {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = backend::bulk_undo(&id.get_value()).await;
            busy.set(false);
            match result {
                Ok(new_id) => on_open.run(new_id),
                Err(err) => ctx.toasts.error(err.to_string()),
            }
        });
    };
    let export = move || {
        leptos::task::spawn_local(async move {
            match backend::bulk_export(&id.get_value()).await {
                Ok(text) => {
                    if let Err(err) = super::activity::download(
                        &format!("lanyard-{}.csv", id.get_value()),
                        &text,
                        "text/csv",
                    ) {
                        ctx.toasts
                            .error(format!("The export could not be saved: {err}"));
                    }
                }
                Err(err) => ctx.toasts.error(err.to_string()),
            }
        });
    };
    let current = move || match view_.get() {
        Some(Ok(v)) => Some(v),
        _ => None,
    };
    view! {
        <div class="run" data-testid="bulk-run">
            <div class="table-tools">
                <button type="button" class="btn" id="bulk-back" on:click=move |_| on_close.run(())>"← New bulk change"</button>
            </div>
            {move || match view_.get() {
                None => view! { <p class="muted" role="status">"Loading the run…"</p> }.into_any(),
                Some(Err(err)) => view! { <p class="error" role="alert">{err.to_string()}</p> }.into_any(),
                Some(Ok(v)) => {
                    let c = v.counts;
                    let to_write = c.to_write().max(1);
                    let (value, max) = if v.state == RunState::Planning { (v.planned, c.total.max(1)) } else { (c.tried(), to_write) };
                    let pct = 100.0 * value as f64 / max as f64;
                    view! {
                        <div class="card">
                            <h2 id="run-summary">{v.summary.clone()}</h2>
                            <p>
                                <span class=format!("badge run-state state-{}", format!("{:?}", v.state).to_lowercase()) id="run-state">{state_label(v.state)}</span>
                                " "<span class="muted">{format!("Planned {} on {}", v.created.replace('T', " ").chars().take(16).collect::<String>(), v.profile_name)}</span>
                            </p>
                            <div class="progress" role="progressbar" aria-label="Progress" aria-valuemin="0" aria-valuemax=max.to_string() aria-valuenow=value.to_string()>
                                // The CSP allows no inline style attribute; a CSSOM property is fine.
                                <div class="progress-bar" style:width=format!("{pct:.1}%")></div>
                            </div>
                            <p id="run-counts" role="status">
                                {if v.state == RunState::Planning {
                                    format!("Reading the current state: {} of {}", v.planned, c.total)
                                } else {
                                    format!("{} of {} done · {} failed · {} need no change{}", c.done, c.to_write(), c.failed, c.skipped,
                                        if c.unknown > 0 { format!(" · {} unknown", c.unknown) } else { String::new() })
                                }}
                                {v.rate_per_minute.map(|r| format!(" · {r:.0} per minute"))}
                                {v.eta_seconds.map(|s| format!(" · about {} left", eta(s)))}
                            </p>
                            {v.note.clone().map(|n| view! { <p class=if v.state == RunState::Finished && c.failed + c.unknown == 0 { "notice notice-ok" } else { "notice" } id="run-note">{n}</p> })}
                            <div class="form-actions">
                                {(v.state == RunState::Ready && c.pending > 0).then(|| view! {
                                    <button type="button" class=if v.destructive { "btn btn-danger" } else { "btn btn-primary" } id="run-start" disabled=move || busy.get()
                                        on:click=move |_| confirm_open.set(true)>{format!("Start {} changes", c.pending)}</button>
                                })}
                                {(v.state == RunState::Running).then(|| view! {
                                    <button type="button" class="btn" id="run-pause" disabled=move || busy.get() on:click=move |_| act(RunAction::Pause, None)>"Pause"</button>
                                })}
                                {matches!(v.state, RunState::Paused | RunState::Interrupted).then(|| view! {
                                    <button type="button" class="btn btn-primary" id="run-resume" disabled=move || busy.get() on:click=move |_| act(RunAction::Resume, None)>"Resume"</button>
                                })}
                                {matches!(v.state, RunState::Running | RunState::Paused | RunState::Interrupted | RunState::Ready | RunState::Planning).then(|| view! {
                                    <button type="button" class="btn" id="run-cancel" disabled=move || busy.get() on:click=move |_| act(RunAction::Cancel, None)>{if v.state == RunState::Ready { "Discard" } else { "Cancel" }}</button>
                                })}
                                {(matches!(v.state, RunState::Finished | RunState::Cancelled) && c.failed + c.unknown > 0).then(|| view! {
                                    <button type="button" class="btn" id="run-retry" disabled=move || busy.get() on:click=move |_| act(RunAction::RetryFailed, None)>{format!("Retry {} failed", c.failed + c.unknown)}</button>
                                })}
                                {(matches!(v.state, RunState::Finished | RunState::Cancelled) && v.undoable > 0).then(|| view! {
                                    <button type="button" class="btn" id="run-undo" disabled=move || busy.get() on:click=move |_| undo()>{format!("Undo this run ({} items)", v.undoable)}</button>
                                })}
                                <button type="button" class="btn" id="run-export" on:click=move |_| export()>"Export CSV"</button>
                            </div>
                        </div>
                        <div class="table-tools">
                            <label for="run-show">"Show"</label>
                            <select id="run-show" on:change=move |ev| show.set(event_target_value(&ev))>
                                <option value="all">{format!("All ({})", c.total)}</option>
                                <option value="done">{format!("Done ({})", c.done)}</option>
                                <option value="failed">{format!("Failed or unknown ({})", c.failed + c.unknown)}</option>
                                <option value="skipped">{format!("No change needed ({})", c.skipped)}</option>
                                <option value="pending">{format!("Waiting ({})", c.pending)}</option>
                            </select>
                        </div>
                        <div class="table-scroll">
                            <table class="data" data-testid="bulk-results">
                                <thead><tr><th>"Target"</th><th>"Before"</th><th>"Planned"</th><th>"Result"</th><th>"Correlation id"</th></tr></thead>
                                <tbody>
                                    {v.items.iter().filter(|i| shown(&show.get(), i)).map(|i| view! {
                                        <tr data-status=format!("{:?}", i.status).to_lowercase() data-target=i.target_id.clone()>
                                            <td>{i.target_name.clone()}<div class="muted small mono">{i.target_id.clone()}</div></td>
                                            <td>{i.current.clone()}</td>
                                            <td>{if i.status == ItemStatus::Skipped { "— (already so)".to_owned() } else { i.planned.clone() }}</td>
                                            <td><span class=status_class(i.status)>{i.status.label()}</span>
                                                {i.message.clone().map(|m| view! { <div class="muted small">{m}</div> })}</td>
                                            <td class="mono small">{i.correlation_id.clone().unwrap_or_default()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any()
                }
            }}
            <ConfirmDialog open=confirm_open
                title=Signal::derive(move || current().map(|v| v.summary).unwrap_or_default())
                confirm_label=Signal::derive(move || current().map(|v| format!("Start {} changes", v.counts.pending)).unwrap_or_default())
                danger=current().is_some_and(|v| v.destructive)
                require_typed=Signal::derive(move || current().and_then(|v| v.confirm_with))
                busy=busy
                on_confirm=Callback::new(move |_| {
                    confirm_open.set(false);
                    let typed = current().and_then(|v| v.confirm_with);
                    act(RunAction::Start, typed);
                })>
                <p>{move || current().map(|v| format!(
                    "{} changes will be sent, one after another at the pace the server allows. You can pause or cancel at any time; {} need no change and are skipped.",
                    v.counts.pending, v.counts.skipped))}</p>
                <p class="muted">"Every change is written to the run's journal before it is sent, so a run stopped by a crash resumes without sending anything twice."</p>
            </ConfirmDialog>
        </div>
    }
}

fn shown(filter: &str, i: &ItemView) -> bool {
    match filter {
        "done" => i.status == ItemStatus::Done,
        "failed" => matches!(i.status, ItemStatus::Failed | ItemStatus::Unknown),
        "skipped" => i.status == ItemStatus::Skipped,
        "pending" => matches!(i.status, ItemStatus::Pending | ItemStatus::Sending),
        _ => true,
    }
}

fn status_class(s: ItemStatus) -> &'static str {
    match s {
        ItemStatus::Done => "badge badge-ok",
        ItemStatus::Failed | ItemStatus::Unknown => "badge badge-prod",
        ItemStatus::Skipped => "badge badge-off",
        ItemStatus::Pending | ItemStatus::Sending => "badge",
    }
}

fn eta(secs: u64) -> String {
    match secs {
        0..=59 => format!("{secs} s"),
        60..=3599 => format!("{} min {} s", secs / 60, secs % 60),
        _ => format!("{} h {} min", secs / 3600, (secs % 3600) / 60),
    }
}
