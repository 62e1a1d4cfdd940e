//! The app frame: header with the profile switcher, sidebar, the page the user picked, the change
//! dialog and the toasts; and the context every page shares.

use std::collections::HashMap;

use lanyard_model::profile::{Environment, Product};
use lanyard_model::{AppInfo, Change, CommandError, Profile};
use leptos::prelude::*;

use crate::backend;
use crate::components::change_dialog::ChangeDialog;
use crate::components::sidebar::Sidebar;
use crate::components::toast::{ToastHost, Toasts};
use crate::nav::Page;
use crate::pages;

/// What the frame knows about the app once `app_info` answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    Loading,
    Ready(T),
    Failed(CommandError),
}

/// A change waiting for its preview and the user's go.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub profile_id: String,
    pub change: Change,
}

/// Shared by every page.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub info: RwSignal<Loaded<AppInfo>>,
    pub page: RwSignal<Page>,
    /// The profile chosen for each product.
    pub chosen: RwSignal<HashMap<Product, String>>,
    pub toasts: Toasts,
    pub pending: RwSignal<Option<Pending>>,
    /// Bumped after every applied change: pages reload what they show.
    pub refresh: RwSignal<u32>,
    /// The product the Bulk changes page works on.
    pub bulk_product: RwSignal<Product>,
}

impl Ctx {
    pub fn reload_info(&self) {
        let info = self.info;
        leptos::task::spawn_local(async move {
            info.set(match backend::app_info().await {
                Ok(answer) => Loaded::Ready(answer),
                Err(err) => Loaded::Failed(err),
            });
        });
    }

    pub fn profiles(&self) -> Vec<Profile> {
        match self.info.get() {
            Loaded::Ready(i) => i.profiles,
            _ => Vec::new(),
        }
    }

    /// The profile in use for `product`: the one chosen, else the first of that product.
    pub fn profile_for(&self, product: Product) -> Option<Profile> {
        let all = self.profiles();
        let chosen = self.chosen.with(|c| c.get(&product).cloned());
        chosen
            .and_then(|id| {
                all.iter()
                    .find(|p| p.id == id && p.product == product)
                    .cloned()
            })
            .or_else(|| all.into_iter().find(|p| p.product == product))
    }

    /// Opens the preview of `change` on `profile_id`.
    pub fn propose(&self, profile_id: String, change: Change) {
        self.pending.set(Some(Pending { profile_id, change }));
    }
}

pub fn use_ctx() -> Ctx {
    // Provided by `App` before any page renders: a missing context is a programming error.
    use_context::<Ctx>().unwrap_or_else(|| panic!("Ctx is provided by App"))
}

#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx {
        info: RwSignal::new(Loaded::Loading),
        page: RwSignal::new(Page::Auth0),
        chosen: RwSignal::new(HashMap::new()),
        toasts: Toasts::new(),
        pending: RwSignal::new(None),
        refresh: RwSignal::new(0),
        bulk_product: RwSignal::new(Product::Auth0),
    };
    provide_context(ctx);
    ctx.reload_info();

    view! {
        <div class="frame">
            <header class="topbar">
                <span class="brand" aria-label="Lanyard">
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Lanyard"
                </span>
                <ProfileSwitcher />
                <span class="topbar-spacer"></span>
                <span class="app-version" data-testid="app-version">
                    {move || match ctx.info.get() {
                        Loaded::Loading => "…".to_owned(),
                        Loaded::Ready(i) => format!("v{} · {}", i.version, i.platform),
                        Loaded::Failed(_) => "version unknown".to_owned(),
                    }}
                </span>
            </header>
            <Sidebar current=ctx.page />
            <main class="content" id="content" tabindex="-1" data-page=move || ctx.page.get().slug()>
                {move || pages::render(ctx.page.get())}
            </main>
            <ChangeDialog />
            <ToastHost toasts=ctx.toasts />
        </div>
    }
}

/// The profile in use for the current page's product, always visible; production is red.
#[component]
fn ProfileSwitcher() -> impl IntoView {
    let ctx = use_ctx();
    let product = move || {
        let page = ctx.page.get();
        page.product()
            .or_else(|| (page == Page::Bulk).then(|| ctx.bulk_product.get()))
    };
    view! {
        {move || {
            let product = product()?;
            let profiles: Vec<Profile> = ctx.profiles().into_iter().filter(|p| p.product == product).collect();
            let current = ctx.profile_for(product);
            let current_id = current.as_ref().map(|p| p.id.clone()).unwrap_or_default();
            let badge = current.as_ref().map(|p| p.environment);
            Some(view! {
                <label class="switcher">
                    <span class="sr-only">{format!("{} profile", product.label())}</span>
                    <select
                        id="profile-switcher"
                        aria-label=format!("{} profile", product.label())
                        on:change=move |ev| {
                            let id = event_target_value(&ev);
                            ctx.chosen.update(|c| {
                                c.insert(product, id);
                            });
                        }
                    >
                        {profiles
                            .into_iter()
                            .map(|p| {
                                let selected = p.id == current_id;
                                view! { <option value=p.id.clone() selected=selected>{p.display_name.clone()}</option> }
                            })
                            .collect_view()}
                    </select>
                    {badge.map(|env| match env {
                        Environment::Production => view! { <span class="badge badge-prod" data-testid="env-badge">"PRODUCTION"</span> }.into_any(),
                        Environment::Sandbox => view! { <span class="badge badge-sandbox" data-testid="env-badge">"Sandbox"</span> }.into_any(),
                        other => view! { <span class="badge" data-testid="env-badge">{other.label()}</span> }.into_any(),
                    })}
                </label>
            })
        }}
    }
}
