//! The filters the question forms share: has / lacks (or linked / not linked), "any / yes / no"
//! for one option, the access level, and "name contains".

use lanyard_model::auth0::AccessLevel;
use lanyard_model::inventory::Presence;
use leptos::prelude::*;

/// Radios of "any", has and lacks (`q-any`, `q-has`, `q-lacks`), `None` being any.
pub(super) fn presence(
    legend: &'static str,
    words: [&'static str; 3],
    value: RwSignal<Option<Presence>>,
) -> impl IntoView {
    let choices = [
        (None, "any", words[0]),
        (Some(Presence::Has), "has", words[1]),
        (Some(Presence::Lacks), "lacks", words[2]),
    ];
    view! {
        <fieldset class="radio-row">
            <legend>{legend}</legend>
            {choices.into_iter().map(|(choice, id, label)| view! {
                <label class="radio"><input type="radio" name="q-presence" value=id id=format!("q-{id}")
                    prop:checked=move || value.get() == choice on:change=move |_| value.set(choice) />{label}</label>
            }).collect_view()}
        </fieldset>
    }
}

/// "Any" / "Yes" / "No" for one option of the connection.
pub(super) fn tri(
    id: &'static str,
    label: &'static str,
    value: RwSignal<Option<bool>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(match event_target_value(&ev).as_str() { "yes" => Some(true), "no" => Some(false), _ => None })>
                <option value="any" selected=move || value.get().is_none()>"Any"</option>
                <option value="yes" selected=move || value.get() == Some(true)>"Yes"</option>
                <option value="no" selected=move || value.get() == Some(false)>"No"</option>
            </select>
        </div>
    }
}

/// "Any" or one organization access level.
pub(super) fn access_level(
    id: &'static str,
    value: RwSignal<Option<AccessLevel>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>"Organization access level"</label>
            <select id=id on:change=move |ev| value.set(AccessLevel::parse(&event_target_value(&ev)))>
                <option value="any" selected=move || value.get().is_none()>"Any"</option>
                {AccessLevel::ALL.into_iter().map(|l| view! {
                    <option value=l.as_str() selected=move || value.get() == Some(l)>{l.as_str()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// A "name contains" text field.
pub(super) fn name_contains(label: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for="q-name">{label}</label>
            <input type="search" id="q-name" autocomplete="off" spellcheck="false" placeholder="Any name"
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

/// `message` under a picker once the question was asked with a condition and nothing picked.
pub(super) fn pick_needed<T: Send + Sync + 'static>(
    submitted: Signal<bool>,
    needed: Signal<bool>,
    picked: RwSignal<Option<T>>,
    message: &'static str,
) -> Signal<Vec<String>> {
    Signal::derive(move || {
        if submitted.get() && needed.get() && picked.with(Option::is_none) {
            vec![message.to_owned()]
        } else {
            Vec::new()
        }
    })
}
