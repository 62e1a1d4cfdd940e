//! The app frame: header, sidebar and the page the user picked.

use leptos::prelude::*;

use crate::backend::{self, AppInfo};
use crate::components::sidebar::Sidebar;
use crate::nav::Page;
use crate::pages;
use lanyard_model::CommandError;

/// What the frame knows about the app once `app_info` answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    Loading,
    Ready(T),
    Failed(CommandError),
}

#[component]
pub fn App() -> impl IntoView {
    let page = RwSignal::new(Page::Auth0);
    let info = RwSignal::new(Loaded::<AppInfo>::Loading);
    leptos::task::spawn_local(async move {
        info.set(match backend::app_info().await {
            Ok(answer) => Loaded::Ready(answer),
            Err(err) => Loaded::Failed(err),
        });
    });

    view! {
        <div class="frame">
            <header class="topbar">
                <span class="brand" aria-label="Lanyard">
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Lanyard"
                </span>
                <span class="topbar-spacer"></span>
                <span class="app-version" data-testid="app-version">
                    {move || match info.get() {
                        Loaded::Loading => "…".to_owned(),
                        Loaded::Ready(i) => format!("v{} · {}", i.version, i.platform),
                        Loaded::Failed(_) => "version unknown".to_owned(),
                    }}
                </span>
            </header>
            <Sidebar current=page />
            <main class="content" id="content" tabindex="-1" data-page=move || page.get().slug()>
                {move || pages::render(page.get(), info)}
            </main>
        </div>
    }
}
