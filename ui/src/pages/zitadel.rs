//! ZITADEL > Login policy: the identity providers linked to the instance's policy or to an
//! organization's, the ones available, link and unlink.

use lanyard_model::change::ConsoleName;
use lanyard_model::ids::IdpId;
use lanyard_model::zitadel::{IdpOwnerType, Org, PolicyScope, Provider};
use lanyard_model::{Change, Label, Labels};
use leptos::prelude::*;

use crate::backend::{self, PolicyView};
use crate::components::inventory_listing::use_inventory_listing;
use crate::components::org_scope::{OrgScopeSelect, use_orgs};
use crate::context::use_ctx;
use crate::load::use_load;
use crate::tr;

/// The login policy of the instance or of an organization: its linked identity providers, and
/// the available ones to link.
#[component]
pub(super) fn Policy(profile_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let pid = StoredValue::new(profile_id);
    let orgs = use_orgs(pid.get_value());
    // The organization whose policy is shown; `None` for the instance's.
    let org = RwSignal::new(None::<Org>);
    let scope = Memo::new(move |_| match org.get() {
        Some(o) => PolicyScope::Organization { org_id: o.id },
        None => PolicyScope::Instance,
    });
    let search = RwSignal::new(String::new());
    // Every IdP, from the inventory when it holds them with type, state and owner (marked with
    // its age, "Reload live" beside), else live; the search filters them by name.
    let providers = use_inventory_listing(
        move || {
            let profile_id = pid.get_value();
            async move { backend::inventory_providers(&profile_id).await }
        },
        move || {
            let profile_id = pid.get_value();
            async move { backend::zitadel_providers(&profile_id, "").await }
        },
    );
    let search_problem = providers.problem(tr!("what-idps"));
    let found = move || {
        let term = search.get().trim().to_lowercase();
        providers
            .value()
            .unwrap_or_default()
            .into_iter()
            .filter(|p| term.is_empty() || p.name.to_lowercase().contains(&term))
            .collect::<Vec<_>>()
    };
    let policy = use_load(move || {
        ctx.refresh.track();
        let (profile_id, scope) = (pid.get_value(), scope.get());
        async move { backend::zitadel_policy(&profile_id, &scope).await }
    });
    let scope_label = move || {
        org.with(|o| match o {
            None => Label::Console {
                console: ConsoleName::TheInstance,
            },
            Some(o) if o.name.is_empty() => Label::from(o.id.to_string()),
            Some(o) => Label::from(o.name.as_str()),
        })
    };

    view! {
        <OrgScopeSelect id="scope-select" label=tr!("zitadel-policy-of")
            instance_label=tr!("zitadel-instance-option") orgs=orgs org=org />
        {policy.view(tr!("what-login-policy"), move |v: PolicyView| {
                let uses_default = v.policy.is_default && scope.get() != PolicyScope::Instance;
                let linked_ids: Vec<IdpId> = v.linked.iter().map(|l| l.idp_id.clone()).collect();
                view! {
                    {uses_default.then(|| view! {
                        <p class="notice" data-testid="uses-default">{tr!("zitadel-uses-default")}</p>
                    })}
                    <h2 id="linked-idps-title">{tr!("zitadel-linked")}</h2>
                    {if v.linked.is_empty() {
                        view! { <div class="empty-state"><p>{tr!("zitadel-none-linked")}</p></div> }.into_any()
                    } else {
                        view! {
                            <table class="data" data-testid="linked-idps" aria-labelledby="linked-idps-title">
                                <thead><tr><th scope="col">{tr!("col-name")}</th><th scope="col">{tr!("col-type")}</th><th scope="col"><span class="sr-only">{tr!("conn-actions")}</span></th></tr></thead>
                                <tbody>
                                    {v.linked.into_iter().map(|l| {
                                        let id = l.idp_id.clone();
                                        let name = l.idp_name.clone();
                                        view! {
                                            <tr data-idp=l.idp_id.to_string()>
                                                <td>{l.idp_name.clone()}</td>
                                                <td>{
                                                    // This API tells only OIDC and JWT apart; the template list knows the real kind.
                                                    providers.with_value(|ps| ps?.iter().find(|p| p.id == l.idp_id).map(|p| p.kind_label()))
                                                        .unwrap_or_else(|| match l.idp_type.as_deref() {
                                                            Some("IDP_TYPE_OIDC") => "OIDC".to_owned(),
                                                            Some("IDP_TYPE_JWT") => "JWT".to_owned(),
                                                            _ => "—".to_owned(),
                                                        })
                                                }</td>
                                                <td class="actions">{(!uses_default).then(|| view! {
                                                    <button type="button" class="btn btn-small" data-action="unlink" on:click=move |_| {
                                                        // The owner type is what an undo (a link) sends: the provider's owner when it is listed.
                                                        let owner_type = providers.replies().with_untracked(|r| r.value.as_ref()?.iter().find(|p| p.id == id).map(Provider::owner_type)).unwrap_or(IdpOwnerType::System);
                                                        ctx.propose(pid.get_value(), Change::ZitadelUnlink { scope: scope.get_untracked(), idp_id: id.clone(), owner_type, labels: Labels { target: scope_label(), item: name.clone().into() } });
                                                    }>{tr!("zitadel-unlink")}</button>
                                                })}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                    <h2 id="available-idps-title">{tr!("zitadel-available")}</h2>
                    <div class="table-tools">
                        <input type="search" id="idp-search" placeholder=tr!("search-by-name") aria-label=tr!("zitadel-search-idps")
                            prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
                    </div>
                    {providers.note_view("idp-source")}
                    {move || match search_problem.get() {
                        Some(problem) => view! { <p class="error" role="alert" data-testid="idp-search-problem">{problem}</p> }.into_any(),
                        None => {
                            let linked_ids = linked_ids.clone();
                            view! {
                                <table class="data" data-testid="available-idps" aria-labelledby="available-idps-title">
                                    <thead><tr><th scope="col">{tr!("col-name")}</th><th scope="col">{tr!("col-type")}</th><th scope="col">{tr!("col-state")}</th><th scope="col"><span class="sr-only">{tr!("conn-actions")}</span></th></tr></thead>
                                    <tbody>
                                        {move || found().into_iter().map(|p| {
                                            let linked = linked_ids.contains(&p.id);
                                            let provider = p.clone();
                                            view! {
                                                <tr data-idp=p.id.to_string()>
                                                    <td>{p.name.clone()}</td>
                                                    <td>{p.kind_label()}</td>
                                                    <td><span class=if p.is_active() { "badge badge-ok" } else { "badge badge-off" }>{if p.is_active() { tr!("zitadel-active") } else { tr!("zitadel-inactive") }}</span></td>
                                                    <td class="actions">{if linked {
                                                        view! { <span class="muted">{tr!("zitadel-is-linked")}</span> }.into_any()
                                                    } else {
                                                        view! { <button type="button" class="btn btn-small" data-action="link" on:click=move |_| {
                                                            ctx.propose(pid.get_value(), Change::link_provider(scope.get_untracked(), scope_label(), &provider));
                                                        }>{tr!("zitadel-link")}</button> }.into_any()
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
        )}
    }
}
