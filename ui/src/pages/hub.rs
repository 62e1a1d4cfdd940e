//! Hub > Auth modules: pick a module, see its auto-join groups, add one from a searchable group
//! picker, remove one.

use lanyard_model::hub::{AuthModule, UserGroup};
use lanyard_model::ids::UserGroupId;
use lanyard_model::{Change, CommandError, Labels};
use leptos::prelude::*;

use crate::backend;
use crate::components::picker::{Picker, PickerOption};
use crate::context::use_ctx;
use crate::search::use_search;

/// The auth module picker, and the picked module's auto-join groups.
#[component]
pub(super) fn Modules(profile_id: String) -> impl IntoView {
    let pid = StoredValue::new(profile_id);
    let modules = RwSignal::new(Vec::<AuthModule>::new());
    let module = RwSignal::new(None::<AuthModule>);
    let error = RwSignal::new(None::<CommandError>);
    leptos::task::spawn_local(async move {
        match backend::hub_modules(&pid.get_value()).await {
            Ok(list) => {
                module.set(list.first().cloned());
                modules.set(list);
            }
            Err(err) => error.set(Some(err)),
        }
    });
    view! {
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
        <div class="field">
            <label for="module-select">"Auth module"</label>
            <select id="module-select" on:change=move |ev| {
                let id = event_target_value(&ev);
                module.set(modules.with(|m| m.iter().find(|x| x.id == id).cloned()));
            }>
                {move || modules.get().into_iter().map(|m| {
                    let label = format!("{} ({}{})", m.name.clone().unwrap_or_default(), m.kind_label(), if m.disabled == Some(true) { ", disabled" } else { "" });
                    view! { <option value=m.id.to_string()>{label}</option> }
                }).collect_view()}
            </select>
        </div>
        {move || module.get().map(|m| view! { <Groups profile_id=pid.get_value() module=m /> })}
    }
}

#[component]
fn Groups(profile_id: String, module: AuthModule) -> impl IntoView {
    let ctx = use_ctx();
    let pid = StoredValue::new(profile_id);
    let module = StoredValue::new(module);
    let groups = RwSignal::new(None::<Result<Vec<UserGroup>, CommandError>>);
    Effect::new(move |_| {
        ctx.refresh.track();
        let m = module.get_value().id;
        leptos::task::spawn_local(async move {
            groups.set(Some(
                backend::hub_auto_join_groups(&pid.get_value(), &m).await,
            ));
        });
    });

    let query = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<PickerOption<UserGroupId>>);
    let search = use_search(query, move |text| {
        let profile_id = pid.get_value();
        async move { backend::hub_groups(&profile_id, &text).await }
    });
    // Groups already in the module's list are shown greyed out.
    let options = Signal::derive(move || {
        let members: Vec<UserGroupId> = groups.with(|g| {
            g.as_ref()
                .and_then(|r| r.as_ref().ok())
                .map(|l| l.iter().map(|x| x.id.clone()).collect())
                .unwrap_or_default()
        });
        search.with_found(|found| {
            found
                .iter()
                .map(|g| {
                    let already = members.contains(&g.id);
                    PickerOption {
                        detail: if already {
                            "already an auto-join group".to_owned()
                        } else {
                            format!("{} users", g.user_count.unwrap_or(0))
                        },
                        label: g.name.clone().unwrap_or_default(),
                        value: g.id.clone(),
                        disabled: already,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let labels = move |group: String| Labels {
        target: module.get_value().name.unwrap_or_default(),
        item: group,
    };
    let add = move |_| {
        let Some(g) = chosen.get_untracked() else {
            return;
        };
        ctx.propose(
            pid.get_value(),
            Change::HubAdd {
                module_id: module.get_value().id,
                group_id: g.value,
                labels: labels(g.label),
            },
        );
        chosen.set(None);
        query.set(String::new());
    };

    view! {
        <div class="card">
            <Picker id="group-picker" label="Add an auto-join group" placeholder="Search groups by name"
                options=options loading=search.searching() search_problem=search.problem() query=query selected=chosen
                empty_text="No group matches." />
            <button type="button" class="btn btn-primary" id="add-group" disabled=move || chosen.get().is_none() on:click=add>"Preview"</button>
        </div>
        {move || match groups.get() {
            None => view! { <p class="muted" role="status">"Loading groups…"</p> }.into_any(),
            Some(Err(err)) => view! { <p class="error" role="alert">{err.to_string()}</p> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <div class="empty-state"><p>"This module adds new users to no group."</p></div> }.into_any(),
            Some(Ok(list)) => view! {
                <table class="data" data-testid="auto-join-groups">
                    <thead><tr><th>"Group"</th><th>"Users"</th><th></th></tr></thead>
                    <tbody>
                        {list.into_iter().map(|g| {
                            let gid = g.id.clone();
                            let name = g.name.clone().unwrap_or_default();
                            view! {
                                <tr data-group=g.id.to_string()>
                                    <td>{g.name.clone().unwrap_or_default()}</td>
                                    <td>{g.user_count.unwrap_or(0)}</td>
                                    <td class="actions"><button type="button" class="btn btn-small" data-action="remove" on:click=move |_| {
                                        ctx.propose(pid.get_value(), Change::HubRemove { module_id: module.get_value().id, group_id: gid.clone(), labels: labels(name.clone()) });
                                    }>"Remove"</button></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
    }
}
