//! The filters the question forms share: has / lacks (or linked / not linked), "any / yes / no"
//! for one option, the access level, and "name contains".

use std::fmt::Display;

use lanyard_model::auth0::AccessLevel;
use lanyard_model::inventory::Presence;
use leptos::prelude::*;

use crate::components::inventory_search::InventorySearch;
use crate::components::picker::{Picker, PickerOption};
use crate::tr;

/// Radios of "any", has and lacks (`q-any`, `q-has`, `q-lacks`), `None` being any.
fn presence(
    legend: String,
    words: [String; 3],
    value: RwSignal<Option<Presence>>,
) -> impl IntoView {
    let [any, has, lacks] = words;
    let choices = [
        (None, "any", any),
        (Some(Presence::Has), "has", has),
        (Some(Presence::Lacks), "lacks", lacks),
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
pub(super) fn tri(id: &'static str, label: String, value: RwSignal<Option<bool>>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(match event_target_value(&ev).as_str() { "yes" => Some(true), "no" => Some(false), _ => None })>
                <option value="any" selected=move || value.get().is_none()>{tr!("q-any")}</option>
                <option value="yes" selected=move || value.get() == Some(true)>{tr!("yes")}</option>
                <option value="no" selected=move || value.get() == Some(false)>{tr!("no")}</option>
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
            <label for=id>{tr!("access-level")}</label>
            <select id=id on:change=move |ev| value.set(AccessLevel::parse(&event_target_value(&ev)))>
                <option value="any" selected=move || value.get().is_none()>{tr!("q-any")}</option>
                {AccessLevel::ALL.into_iter().map(|l| view! {
                    <option value=l.as_str() selected=move || value.get() == Some(l)>{l.as_str()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// The words of a has / lacks condition on one picked thing.
pub(super) struct ConditionWords {
    /// The radios' legend and their words: any, has, lacks.
    pub legend: String,
    pub choices: [String; 3],
    /// The picker's id, label and placeholder.
    pub id: &'static str,
    pub label: String,
    pub placeholder: String,
    /// Under the picker when a condition was asked with nothing picked.
    pub missing: String,
    /// In the picker's list when nothing matches.
    pub empty: String,
}

/// A has / lacks condition on one thing picked from `search`: the radios, then (unless "any")
/// the picker.
pub(super) struct Condition<V: Send + Sync + 'static> {
    pub has: RwSignal<Option<Presence>>,
    pub chosen: RwSignal<Option<PickerOption<V>>>,
    query: RwSignal<String>,
}

impl<V: Send + Sync + 'static> Clone for Condition<V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V: Send + Sync + 'static> Copy for Condition<V> {}

impl<V: Clone + PartialEq + Display + Send + Sync + 'static> Condition<V> {
    /// A condition of "any", and the query its picker searches for.
    pub fn new() -> (Self, RwSignal<String>) {
        let query = RwSignal::new(String::new());
        let condition = Self {
            has: RwSignal::new(None),
            chosen: RwSignal::new(None),
            query,
        };
        (condition, query)
    }

    /// The presence and the thing picked (tracked): `Ok(None)` for "any", `Err(())` while a
    /// presence waits for a pick.
    pub fn get(self) -> Result<Option<(Presence, PickerOption<V>)>, ()> {
        match self.has.get() {
            None => Ok(None),
            Some(presence) => Ok(Some((presence, self.chosen.get().ok_or(())?))),
        }
    }

    /// The radios, then the picker while the condition is not "any".
    pub fn fields(
        self,
        words: ConditionWords,
        search: InventorySearch<V>,
        submitted: Signal<bool>,
    ) -> impl IntoView {
        let has = self.has;
        let needed = Signal::derive(move || has.get().is_some());
        let errors = pick_needed(submitted, needed, self.chosen, words.missing);
        let (label, placeholder, empty) = (
            StoredValue::new(words.label),
            StoredValue::new(words.placeholder),
            StoredValue::new(words.empty),
        );
        view! {
            {presence(words.legend, words.choices, has)}
            <Show when=move || needed.get()>
                <Picker id=words.id label=label.get_value() placeholder=placeholder.get_value()
                    options=search.options() loading=search.searching() search_problem=search.problem()
                    source=search.note() on_open=Callback::new(move |_| search.refresh()) query=self.query selected=self.chosen errors=errors empty_text=empty.get_value() />
            </Show>
        }
    }
}

/// A "name contains" text field.
pub(super) fn name_contains(label: String, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for="q-name">{label}</label>
            <input type="search" id="q-name" autocomplete="off" spellcheck="false" placeholder=tr!("q-any-name")
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

/// `message` under a picker once the question was asked with a condition and nothing picked.
fn pick_needed<T: Send + Sync + 'static>(
    submitted: Signal<bool>,
    needed: Signal<bool>,
    picked: RwSignal<Option<T>>,
    message: String,
) -> Signal<Vec<String>> {
    Signal::derive(move || {
        if submitted.get() && needed.get() && picked.with(Option::is_none) {
            vec![message.clone()]
        } else {
            Vec::new()
        }
    })
}
