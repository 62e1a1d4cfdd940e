//! One module per section of the app.

use leptos::prelude::*;

use crate::context::use_ctx;
use crate::lazy::{self, Waiting};
use crate::nav::Page;
use crate::tr;

mod activity;
mod auth0;
mod bulk;
mod chunks;
mod hub;
mod inventory;
mod profiles;
mod zitadel;

/// The page body for `page`. Auth0, the first page, is in the main module; the others arrive
/// as chunks on their first visit (`chunks`).
pub fn render(page: Page) -> AnyView {
    match page {
        Page::Auth0 => product_page(page, |profile_id| {
            view! { <auth0::OrgWorkspace profile_id=profile_id /> }.into_any()
        }),
        Page::Zitadel => product_page(page, |profile_id| {
            lazy::show(chunks::zitadel(profile_id), Waiting::Page)
        }),
        Page::Hub => product_page(page, |profile_id| {
            lazy::show(chunks::hub(profile_id), Waiting::Page)
        }),
        Page::Inventory => lazy::show(chunks::inventory(), Waiting::Page),
        Page::Bulk => lazy::show(chunks::bulk(), Waiting::Page),
        Page::MakeLike => lazy::show(chunks::make_like(), Waiting::Page),
        Page::Compare => lazy::show(chunks::compare(), Waiting::Page),
        Page::Activity => lazy::show(chunks::activity(), Waiting::Page),
        Page::Profiles => lazy::show(chunks::profiles(), Waiting::Page),
    }
}

/// A product's page: its title, then `workspace` on the profile in use for the product, or a
/// note when the product has no profile.
fn product_page(page: Page, workspace: fn(String) -> AnyView) -> AnyView {
    let ctx = use_ctx();
    view! {
        <section class="page" aria-labelledby="page-title">
            {header(page)}
            {move || page.product().map(|product| match ctx.profile_for(product) {
                None => no_profile(product).into_any(),
                Some(profile) => workspace(profile.id),
            })}
        </section>
    }
    .into_any()
}

/// The page's title block.
pub fn header(page: Page) -> impl IntoView {
    view! {
        <h1 id="page-title">{page.label()}</h1>
        <p class="subtitle">{page.subtitle()}</p>
    }
}

/// Shown when no profile of the page's product exists.
pub fn no_profile(product: lanyard_model::profile::Product) -> impl IntoView {
    view! {
        <div class="empty-state" data-testid="no-profile">
            <p>{tr!("no-profile", product = product.label())}</p>
            <p class="muted">{tr!("no-profile-hint")}</p>
        </div>
    }
}

/// The product tabs above a page's form: one a product, ids `{prefix}-tab-{slug}`, choosing
/// `product`.
pub fn product_tabs(
    prefix: &'static str,
    product: RwSignal<lanyard_model::profile::Product>,
) -> impl IntoView {
    use lanyard_model::profile::Product;
    view! {
        <div class="tabs" role="tablist" aria-label=tr!("product-tabs")>
            {Product::ALL.into_iter().map(|p| view! {
                <button type="button" role="tab" class="tab" id=format!("{prefix}-tab-{}", p.slug())
                    aria-selected=move || (product.get() == p).to_string()
                    class:active=move || product.get() == p
                    on:click=move |_| product.set(p)>{p.label()}</button>
            }).collect_view()}
        </div>
    }
}
