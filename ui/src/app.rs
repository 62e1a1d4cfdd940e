//! The app frame: header with the profile switcher and a running crawl's progress, sidebar, the page the user picked, the change
//! dialog and the toasts. It provides the context (`crate::context`) every page shares.

use lanyard_model::Profile;
use lanyard_model::profile::Environment;
use leptos::prelude::*;

use crate::components::change_dialog::ChangeDialog;
use crate::components::crawl_line::crawl_line;
use crate::components::sidebar::Sidebar;
use crate::components::toast::ToastHost;
use crate::components::updates::UpdatesButton;
use crate::context::{Ctx, LangStart, use_ctx};
use crate::i18n::{self, Lang};
use crate::load::Loaded;
use crate::nav::Page;
use crate::pages;
use crate::tr;

#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx::new();
    provide_context(ctx);
    ctx.start();
    // Nothing is drawn until the language at start is settled (a Japanese user never sees
    // English first); then the whole frame is drawn again in each new language, what it shows
    // living in `ctx`.
    move || match ctx.lang_ready.get() {
        LangStart::Settling => None,
        LangStart::NoWords(text) => Some(view! { <p class="boot-error">{text}</p> }.into_any()),
        LangStart::Ready => {
            let lang = ctx.lang.get();
            i18n::set_lang(lang);
            // The bench's and the languages test's record of each frame's language.
            crate::mark(&format!("lanyard:frame-{}", lang.tag()));
            Some(view! { <Frame /> }.into_any())
        }
    }
}

#[component]
fn Frame() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="frame">
            <header class="topbar">
                <span class="brand" aria-label="Lanyard">
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Lanyard"
                </span>
                <ProfileSwitcher />
                <span class="topbar-spacer"></span>
                {crawl_line()}
                <LanguagePicker />
                <span class="app-version" data-testid="app-version">
                    {move || match ctx.info.get() {
                        Loaded::Loading => "…".to_owned(),
                        Loaded::Ready(i) => {
                            crate::mark("lanyard:label-text");
                            format!("v{} · {}", i.version, i.platform)
                        }
                        Loaded::Failed(_) => tr!("app-version-unknown"),
                    }}
                </span>
                <UpdatesButton />
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

/// The UI's language, each named in its own words; the pick is remembered.
#[component]
fn LanguagePicker() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <select
            id="language"
            class="language-picker"
            aria-label=tr!("app-language")
            title=tr!("app-language")
            on:change=move |ev| {
                if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
                    ctx.choose_lang(lang);
                }
            }
        >
            {Lang::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <option value=l.tag() lang=l.tag() selected=l == ctx.lang.get_untracked()>
                            {l.native_name()}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

/// The profile in use for the current page's product, always visible; production is red.
#[component]
fn ProfileSwitcher() -> impl IntoView {
    let ctx = use_ctx();
    let product = move || {
        let page = ctx.page.get();
        page.product().or_else(|| match page {
            Page::Bulk | Page::MakeLike => Some(ctx.bulk_product.get()),
            Page::Inventory => Some(ctx.inventory_product.get()),
            _ => None,
        })
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
                    <span class="sr-only">{tr!("app-profile-of", product = product.label())}</span>
                    <select
                        id="profile-switcher"
                        aria-label=tr!("app-profile-of", product = product.label())
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
                        Environment::Production => view! { <span class="badge badge-prod" data-testid="env-badge">{tr!("env-production-badge")}</span> }.into_any(),
                        Environment::Sandbox => view! { <span class="badge badge-sandbox" data-testid="env-badge">{i18n::words::environment(Environment::Sandbox)}</span> }.into_any(),
                        other => view! { <span class="badge" data-testid="env-badge">{i18n::words::environment(other)}</span> }.into_any(),
                    })}
                </label>
            })
        }}
    }
}
