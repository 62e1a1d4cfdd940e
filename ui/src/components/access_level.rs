//! The organization access level of an Auth0 org connection as a select, with the rules'
//! errors under it.

use lanyard_model::auth0::AccessLevel;
use leptos::prelude::*;

use crate::components::field::{Messages, sentence};
use crate::tr;

#[component]
pub fn AccessLevelSelect(
    /// The select's id.
    id: &'static str,
    level: RwSignal<AccessLevel>,
    #[prop(into)] errors: Messages,
) -> impl IntoView {
    view! {
        <div class="field" class:invalid=move || !errors.get().is_empty()>
            <label for=id>{tr!("access-level")}</label>
            <select id=id on:change=move |ev| level.set(AccessLevel::parse(&event_target_value(&ev)).unwrap_or_default())>
                {AccessLevel::ALL.into_iter().map(|l| view! { <option value=l.as_str() selected=move || level.get() == l>{format!("{} — {}", l.as_str(), crate::i18n::words::access_level(l))}</option> }).collect_view()}
            </select>
            <div class="field-messages">{move || errors.get().into_iter().map(|m| view! { <p class="field-error">{sentence(&m)}</p> }).collect_view()}</div>
        </div>
    }
}
