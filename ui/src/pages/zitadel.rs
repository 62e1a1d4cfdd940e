//! ZITADEL > Login policy: the identity providers linked to the instance's policy or to an
//! organization's, the ones available, link and unlink.

use lanyard_model::ids::IdpId;
use lanyard_model::zitadel::{IdpOwnerType, Org, PolicyScope, Provider};
use lanyard_model::{Change, CommandError, Labels};
use leptos::prelude::*;

use crate::backend::{self, PolicyView};
use crate::context::use_ctx;
use crate::search::use_search;

/// The login policy of the instance or of an organization: its linked identity providers, and
/// the available ones to link.
#[component]
pub(super) fn Policy(profile_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let pid = StoredValue::new(profile_id);
    let orgs = RwSignal::new(Vec::<Org>::new());
    let scope = RwSignal::new(PolicyScope::Instance);
    let view_state = RwSignal::new(None::<Result<PolicyView, CommandError>>);
    let search = RwSignal::new(String::new());
    let providers = use_search(search, move |name| {
        let profile_id = pid.get_value();
        async move { backend::zitadel_providers(&profile_id, &name).await }
    });
    let search_problem = providers.problem();

    leptos::task::spawn_local(async move {
        if let Ok(list) = backend::zitadel_orgs(&pid.get_value()).await {
            orgs.set(list);
        }
    });
    Effect::new(move |_| {
        ctx.refresh.track();
        let s = scope.get();
        leptos::task::spawn_local(async move {
            view_state.set(Some(backend::zitadel_policy(&pid.get_value(), &s).await));
        });
    });
    let scope_label = move || match scope.get() {
        PolicyScope::Instance => "the instance".to_owned(),
        PolicyScope::Organization { org_id } => orgs
            .with(|o| o.iter().find(|x| x.id == org_id).map(|x| x.name.clone()))
            .unwrap_or_else(|| org_id.to_string()),
    };

    view! {
        <div class="field">
            <label for="scope-select">"Login policy of"</label>
            <select id="scope-select" on:change=move |ev| {
                let v = event_target_value(&ev);
                // The organization picked, by its id as read from the server.
                let org_id = orgs.with(|o| o.iter().find(|x| x.id == v).map(|x| x.id.clone()));
                scope.set(match org_id {
                    Some(org_id) => PolicyScope::Organization { org_id },
                    None => PolicyScope::Instance,
                });
            }>
                <option value="instance">"The instance (default for every organization without its own)"</option>
                {move || orgs.get().into_iter().map(|o| view! { <option value=o.id.to_string()>{format!("Organization {}", o.name)}</option> }).collect_view()}
            </select>
        </div>
        {move || match view_state.get() {
            None => view! { <p class="muted" role="status">"Loading the login policy…"</p> }.into_any(),
            Some(Err(err)) => view! { <p class="error" role="alert">{err.to_string()}</p> }.into_any(),
            Some(Ok(v)) => {
                let uses_default = v.policy.is_default && scope.get() != PolicyScope::Instance;
                let linked_ids: Vec<IdpId> = v.linked.iter().map(|l| l.idp_id.clone()).collect();
                view! {
                    {uses_default.then(|| view! {
                        <p class="notice" data-testid="uses-default">"This organization uses the instance's default login policy: it shows the instance's identity providers, and links cannot be changed here until it has a policy of its own."</p>
                    })}
                    <h2>"Linked identity providers"</h2>
                    {if v.linked.is_empty() {
                        view! { <div class="empty-state"><p>"No identity provider is linked."</p></div> }.into_any()
                    } else {
                        view! {
                            <table class="data" data-testid="linked-idps">
                                <thead><tr><th>"Name"</th><th>"Type"</th><th></th></tr></thead>
                                <tbody>
                                    {v.linked.into_iter().map(|l| {
                                        let id = l.idp_id.clone();
                                        let name = l.idp_name.clone();
                                        view! {
                                            <tr data-idp=l.idp_id.to_string()>
                                                <td>{l.idp_name.clone()}</td>
                                                <td>{
                                                    // This API tells only OIDC and JWT apart; the template list knows the real kind.
                                                    providers.with_found(|ps| ps.iter().find(|p| p.id == l.idp_id).map(|p| p.kind_label()))
                                                        .unwrap_or_else(|| match l.idp_type.as_deref() {
                                                            Some("IDP_TYPE_OIDC") => "OIDC".to_owned(),
                                                            Some("IDP_TYPE_JWT") => "JWT".to_owned(),
                                                            _ => "—".to_owned(),
                                                        })
                                                }</td>
                                                <td class="actions">{(!uses_default).then(|| view! {
                                                    <button type="button" class="btn btn-small" data-action="unlink" on:click=move |_| {
                                                        // The owner type is what an undo (a link) sends: the provider's owner when it is listed.
                                                        let owner_type = providers.with_found_untracked(|ps| ps.iter().find(|p| p.id == id).map(Provider::owner_type)).unwrap_or(IdpOwnerType::System);
                                                        ctx.propose(pid.get_value(), Change::ZitadelUnlink { scope: scope.get_untracked(), idp_id: id.clone(), owner_type, labels: Labels { target: scope_label(), item: name.clone() } });
                                                    }>"Unlink"</button>
                                                })}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                    <h2>"Available identity providers"</h2>
                    <div class="table-tools">
                        <input type="search" id="idp-search" placeholder="Search by name" aria-label="Search identity providers"
                            prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
                    </div>
                    {move || match search_problem.get() {
                        Some(problem) => view! { <p class="error" role="alert" data-testid="idp-search-problem">{problem}</p> }.into_any(),
                        None => {
                            let linked_ids = linked_ids.clone();
                            view! {
                                <table class="data" data-testid="available-idps">
                                    <thead><tr><th>"Name"</th><th>"Type"</th><th>"State"</th><th></th></tr></thead>
                                    <tbody>
                                        {move || providers.found().into_iter().map(|p| {
                                            let linked = linked_ids.contains(&p.id);
                                            let provider = p.clone();
                                            view! {
                                                <tr data-idp=p.id.to_string()>
                                                    <td>{p.name.clone()}</td>
                                                    <td>{p.kind_label()}</td>
                                                    <td><span class=if p.is_active() { "badge badge-ok" } else { "badge badge-off" }>{if p.is_active() { "Active" } else { "Inactive" }}</span></td>
                                                    <td class="actions">{if linked {
                                                        view! { <span class="muted">"Linked"</span> }.into_any()
                                                    } else if uses_default {
                                                        view! { <span class="muted">"—"</span> }.into_any()
                                                    } else {
                                                        view! { <button type="button" class="btn btn-small" data-action="link" on:click=move |_| {
                                                            ctx.propose(pid.get_value(), Change::link_provider(scope.get_untracked(), scope_label(), &provider));
                                                        }>"Link"</button> }.into_any()
                                                    }}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        }
                    }}
                }.into_any()
            }
        }}
    }
}
