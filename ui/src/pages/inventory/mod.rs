//! Inventory: every target's wiring as the crawl read it and Lanyard's own reads and changes keep
//! it. Per product: the crawl with Start / Resume / Cancel and its progress, how much of each
//! kind is held, a question with filters that combine and its answer (export, "Use these N as
//! bulk targets"), and what changed outside Lanyard.

mod answer;
mod asked;
mod crawl;
mod outside;
mod question;

use lanyard_model::profile::Product;
use leptos::prelude::*;

use crate::backend;
use crate::context::use_ctx;
use crate::load::{Loaded, loading_text, use_load};
use crate::nav::Page;
use crate::tr;
use crawl::CrawlCard;
use outside::OutsideChanges;
use question::Ask;

/// The targets a product's questions are about: "organizations", "login policies"…
pub(super) fn targets_noun(product: Product, n: u64) -> String {
    match (product, n == 1) {
        (Product::Auth0, true) => tr!("noun-organization"),
        (Product::Auth0, false) => tr!("what-organizations"),
        (Product::Zitadel, true) => tr!("noun-login-policy"),
        (Product::Zitadel, false) => tr!("noun-login-policies"),
        (Product::Hub, true) => tr!("noun-auth-module"),
        (Product::Hub, false) => tr!("what-auth-modules"),
    }
}

#[component]
pub fn InventoryPage() -> impl IntoView {
    let ctx = use_ctx();
    let product = ctx.inventory_product;
    view! {
        <section class="page" aria-labelledby="page-title">
            {super::header(Page::Inventory)}
            {super::product_tabs("inventory", product)}
            {move || {
                let p = product.get();
                match ctx.profile_for(p) {
                    None => super::no_profile(p).into_any(),
                    Some(profile) => view! { <Workspace product=p profile_id=profile.id /> }.into_any(),
                }
            }}
        </section>
    }
}

/// One profile's inventory.
#[component]
fn Workspace(product: Product, profile_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let pid = StoredValue::new(profile_id.clone());
    // Read again when the crawls polled by the frame change (every second while one runs) and
    // after every change Lanyard applies.
    let overview = use_load(move || {
        ctx.refresh.track();
        ctx.crawls.track();
        let profile_id = pid.get_value();
        async move { backend::inventory_overview(&profile_id).await }
    });
    let value = Memo::new(move |_| overview.value());
    // Only the first load, and a failure, are shown in place of the page's parts; a reload
    // keeps them (and the keyboard focus in them).
    let shown = Memo::new(move |_| match overview.get() {
        Loaded::Loading => Loaded::Loading,
        Loaded::Failed(err) => Loaded::Failed(err),
        Loaded::Ready(_) => Loaded::Ready(()),
    });
    let problem = Memo::new(move |_| value.with(|o| o.as_ref().and_then(|o| o.problem.clone())));
    let has_value = Signal::derive(move || value.with(Option::is_some));
    view! {
        {move || match shown.get() {
            Loaded::Loading => view! { <p class="muted" role="status">{loading_text(&tr!("what-inventory"))}</p> }.into_any(),
            Loaded::Failed(err) => overview.failure(&tr!("what-inventory"), &err),
            Loaded::Ready(()) => ().into_any(),
        }}
        {move || problem.get().map(|p| view! {
            <div class="notice" role="alert" data-testid="inventory-problem">
                <strong>{tr!("inventory-problem")}" "</strong>{crate::i18n::records::inventory_problem(&p)}
                <p class="muted small">{tr!("inventory-problem-hint")}</p>
            </div>
        })}
        <Show when=move || has_value.get()>
            <CrawlCard product=product profile_id=pid.get_value() overview=value on_acted=Callback::new(move |_| overview.retry()) />
        </Show>
        <Ask product=product profile_id=profile_id />
        <Show when=move || has_value.get()>
            <OutsideChanges overview=value />
        </Show>
    }
}
