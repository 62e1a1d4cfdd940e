//! Which ZITADEL login policy a change is about, as the ZITADEL page and the Bulk page both ask
//! it: the instance's, or an organization's picked from the instance's organizations (loaded
//! when the select is shown; while they load, and if that fails, the instance stays pickable and
//! the line under the select says so).

use lanyard_model::zitadel::Org;
use leptos::prelude::*;

use crate::backend;
use crate::load::{Load, use_load};
use crate::tr;

/// The organizations of ZITADEL profile `profile_id`, loaded now.
pub fn use_orgs(profile_id: String) -> Load<Vec<Org>> {
    use_load(move || {
        let profile_id = profile_id.clone();
        async move { backend::zitadel_orgs(&profile_id).await }
    })
}

/// A select of the instance (its option `instance_label`, value "instance") and the
/// organizations in `orgs`; `org` is the organization picked, `None` for the instance.
#[component]
pub fn OrgScopeSelect(
    id: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] instance_label: String,
    orgs: Load<Vec<Org>>,
    org: RwSignal<Option<Org>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| {
                let v = event_target_value(&ev);
                // The organization picked, as read from the server.
                org.set(orgs.with_value(|o| o.and_then(|o| o.iter().find(|x| x.id == v).cloned())));
            }>
                <option value="instance">{instance_label}</option>
                {move || orgs.value().unwrap_or_default().into_iter().map(|o| view! {
                    <option value=o.id.to_string()>{tr!("org-scope-org", name = o.name.clone())}</option>
                }).collect_view()}
            </select>
            {orgs.status(tr!("what-organizations"))}
        </div>
    }
}
