//! Profiles: the tenants and instances Lanyard administers.

use leptos::prelude::*;

use crate::app::Loaded;
use crate::backend::AppInfo;
use crate::nav::Page;

#[component]
pub fn ProfilesPage(info: RwSignal<Loaded<AppInfo>>) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{Page::Profiles.label()}</h1>
            <p class="subtitle">{Page::Profiles.subtitle()}</p>
            {move || match info.get() {
                Loaded::Loading => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
                Loaded::Failed(err) => view! { <p class="error" role="alert">{err.to_string()}</p> }.into_any(),
                Loaded::Ready(i) => view! {
                    <dl class="facts" data-testid="app-info">
                        <dt>"Version"</dt>
                        <dd data-testid="info-version">{i.version.clone()}</dd>
                        <dt>"Platform"</dt>
                        <dd>{i.platform.clone()}</dd>
                        <dt>"Profiles"</dt>
                        <dd data-testid="info-profile-count">{i.profiles.len().to_string()}</dd>
                    </dl>
                    <ul class="profile-list">
                        {i.profiles.iter().map(|p| view! { <li>{p.display_name.clone()}</li> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}
