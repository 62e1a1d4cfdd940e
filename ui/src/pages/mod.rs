//! One module per section of the app.

use leptos::prelude::*;

use crate::app::Loaded;
use crate::backend::AppInfo;
use crate::nav::Page;

mod profiles;
mod section;

/// The page body for `page`.
pub fn render(page: Page, info: RwSignal<Loaded<AppInfo>>) -> AnyView {
    match page {
        Page::Profiles => view! { <profiles::ProfilesPage info=info /> }.into_any(),
        other => view! { <section::SectionPage page=other info=info /> }.into_any(),
    }
}
