//! One module per section of the app.

use leptos::prelude::*;

use crate::nav::Page;

mod activity;
mod auth0;
mod bulk;
mod hub;
mod profiles;
mod zitadel;

/// The page body for `page`.
pub fn render(page: Page) -> AnyView {
    match page {
        Page::Auth0 => view! { <auth0::Auth0Page /> }.into_any(),
        Page::Zitadel => view! { <zitadel::ZitadelPage /> }.into_any(),
        Page::Hub => view! { <hub::HubPage /> }.into_any(),
        Page::Bulk => view! { <bulk::BulkPage /> }.into_any(),
        Page::Activity => view! { <activity::ActivityPage /> }.into_any(),
        Page::Profiles => view! { <profiles::ProfilesPage /> }.into_any(),
    }
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
            <p>{format!("No {} profile is configured.", product.label())}</p>
            <p class="muted">"Add one on the Profiles page, or show the built-in Sandbox profiles there."</p>
        </div>
    }
}
