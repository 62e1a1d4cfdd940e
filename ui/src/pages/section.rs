//! A product or activity section: its title and, until a profile exists, the way to add one.

use leptos::prelude::*;

use crate::app::Loaded;
use crate::backend::AppInfo;
use crate::nav::Page;

#[component]
pub fn SectionPage(page: Page, info: RwSignal<Loaded<AppInfo>>) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{page.label()}</h1>
            <p class="subtitle">{page.subtitle()}</p>
            {move || match info.get() {
                Loaded::Loading => view! { <p class="muted" role="status">"Loading…"</p> }.into_any(),
                Loaded::Failed(err) => view! { <p class="error" role="alert">{err.to_string()}</p> }.into_any(),
                Loaded::Ready(i) if i.profiles.is_empty() => view! {
                    <div class="empty-state">
                        <p>"No profile is configured yet."</p>
                        <p class="muted">"Add one on the Profiles page to work with a tenant."</p>
                    </div>
                }.into_any(),
                Loaded::Ready(i) => view! {
                    <p class="muted">{format!("{} profile(s) configured.", i.profiles.len())}</p>
                }.into_any(),
            }}
        </section>
    }
}
