//! Hub > Auth modules: pick a module, see its auto-join groups, add one from a searchable group
//! picker, remove one.

use lanyard_model::hub::{AuthModule, UserGroup};
use lanyard_model::ids::{AuthModuleId, UserGroupId};
use lanyard_model::inventory::PickerKind;
use lanyard_model::{Change, Labels};
use leptos::prelude::*;

use crate::backend;
use crate::components::inventory_listing::use_inventory_listing;
use crate::components::inventory_search::{
    InventorySearch, LabelBy, item_option, use_inventory_search,
};
use crate::components::picker::{Picker, PickerOption};
use crate::context::use_ctx;
use crate::load::{Loaded, loading_text, use_load};
use crate::tr;

/// The auth module picker, and the picked module's auto-join groups.
#[component]
pub(super) fn Modules(profile_id: String) -> impl IntoView {
    let pid = StoredValue::new(profile_id);
    let modules = use_inventory_listing(
        move || {
            let profile_id = pid.get_value();
            async move { backend::inventory_modules(&profile_id).await }
        },
        move || {
            let profile_id = pid.get_value();
            async move { backend::hub_modules(&profile_id).await }
        },
    );
    // The module picked; the first one until the user picks another.
    let chosen = RwSignal::new(None::<AuthModuleId>);
    let module = Memo::new(move |_| {
        modules.with_value(|list| {
            let list = list?;
            chosen
                .with(|id| id.as_ref().and_then(|id| list.iter().find(|m| &m.id == id)))
                .or_else(|| list.first())
                .cloned()
        })
    });
    view! {
        <div class="field">
            <label for="module-select">{tr!("hub-auth-module")}</label>
            {move || match modules.get() {
                // A host that does not answer keeps this up to the client's deadline: say so.
                Loaded::Loading => view! {
                    <select id="module-select" disabled=true><option>{loading_text(&tr!("what-auth-modules"))}</option></select>
                }.into_any(),
                Loaded::Failed(err) => modules.failure(&tr!("what-auth-modules"), &err),
                Loaded::Ready(list) if list.is_empty() => view! {
                    <div class="empty-state" data-testid="no-modules"><p>{tr!("hub-no-modules")}</p></div>
                }.into_any(),
                Loaded::Ready(list) => view! {
                    <select id="module-select" on:change=move |ev| {
                        chosen.set(AuthModuleId::parse(event_target_value(&ev)).ok());
                    }>
                        {list.into_iter().map(|m| {
                            let label = if m.disabled == Some(true) {
                                tr!("hub-module-disabled", name = m.name.clone().unwrap_or_default(), kind = m.kind_label())
                            } else {
                                format!("{} ({})", m.name.clone().unwrap_or_default(), m.kind_label())
                            };
                            let id = m.id.clone();
                            view! { <option value=m.id.to_string() selected=move || module.with(|c| c.as_ref().is_some_and(|c| c.id == id))>{label}</option> }
                        }).collect_view()}
                    </select>
                }.into_any(),
            }}
            {modules.note_view("module-source")}
        </div>
        {move || module.get().map(|m| view! { <Groups profile_id=pid.get_value() module=m /> })}
    }
}

/// A group the live search found, as a picker option with its user count.
pub(crate) fn group_option(g: &UserGroup) -> PickerOption<UserGroupId> {
    PickerOption {
        label: g.name.clone().unwrap_or_else(|| g.id.to_string()),
        detail: tr!("hub-users", n = g.user_count.unwrap_or(0)),
        value: g.id.clone(),
        disabled: false,
    }
}

/// Searches Hub's groups on `profile_id` for `query`: the inventory's first, else the live API.
pub(crate) fn use_group_search(
    profile_id: String,
    query: RwSignal<String>,
) -> InventorySearch<UserGroupId> {
    let pid = StoredValue::new(profile_id);
    use_inventory_search(
        pid.get_value(),
        PickerKind::HubGroup,
        query,
        |item| item_option(item, LabelBy::Name, |id| UserGroupId::parse(id).ok()),
        move |text: String| {
            let profile_id = pid.get_value();
            async move {
                backend::hub_search_groups(&profile_id, &text)
                    .await
                    .map(|found| found.iter().map(group_option).collect())
            }
        },
    )
}

/// What the module select loads, in "Loading auth modules…" and "Could not load auth modules: …".

#[component]
fn Groups(profile_id: String, module: AuthModule) -> impl IntoView {
    let ctx = use_ctx();
    let pid = StoredValue::new(profile_id);
    let module = StoredValue::new(module);
    let groups = use_load(move || {
        ctx.refresh.track();
        let (profile_id, module_id) = (pid.get_value(), module.get_value().id);
        async move { backend::hub_auto_join_groups(&profile_id, &module_id).await }
    });

    let query = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<PickerOption<UserGroupId>>);
    let search = use_group_search(pid.get_value(), query);
    let found = search.options();
    // Groups already in the module's list are shown greyed out.
    let options = Signal::derive(move || {
        let members: Vec<UserGroupId> = groups.with_value(|g| {
            g.map(|l| l.iter().map(|x| x.id.clone()).collect())
                .unwrap_or_default()
        });
        found
            .get()
            .into_iter()
            .map(|mut o| {
                if members.contains(&o.value) {
                    o.detail = tr!("hub-already-auto-join");
                    o.disabled = true;
                }
                o
            })
            .collect::<Vec<_>>()
    });
    let labels = move |group: String| Labels {
        target: module.get_value().name.unwrap_or_default().into(),
        item: group.into(),
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
            <Picker id="group-picker" label=tr!("hub-add-group") placeholder=tr!("hub-search-groups")
                options=options loading=search.searching() search_problem=search.problem() source=search.note() on_open=Callback::new(move |_| search.refresh())
                query=query selected=chosen empty_text=tr!("hub-no-group-matches") />
            <button type="button" class="btn btn-primary" id="add-group" disabled=move || chosen.get().is_none() on:click=add>{tr!("action-preview")}</button>
        </div>
        {groups.view(tr!("what-auto-join-groups"), move |list: Vec<UserGroup>| match list {
            list if list.is_empty() => view! { <div class="empty-state"><p>{tr!("hub-no-auto-join")}</p></div> }.into_any(),
            list => view! {
                <table class="data" data-testid="auto-join-groups">
                    <caption class="sr-only">{tr!("what-auto-join-groups")}</caption>
                    <thead><tr><th scope="col">{tr!("hub-group")}</th><th scope="col">{tr!("hub-users-col")}</th><th scope="col"><span class="sr-only">{tr!("conn-actions")}</span></th></tr></thead>
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
                                    }>{tr!("conn-remove")}</button></td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        })}
    }
}
