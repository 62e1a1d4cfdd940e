//! A labelled form field with its hint and its errors right under it, wired for screen readers
//! (`aria-invalid`, `aria-describedby`).

use lanyard_model::Validation;
use leptos::prelude::*;

use crate::i18n::field_problems;

/// The messages to show under a field, in the UI's language; empty when it is valid.
pub type Messages = Signal<Vec<String>>;

/// The errors the model's rules found in `field`.
pub fn rule_errors(validation: Signal<Validation>, field: &'static str) -> Messages {
    Signal::derive(move || validation.with(|v| field_problems(v.errors.get(field))))
}

/// The warnings the model's rules raised on `field`.
pub fn rule_warnings(validation: Signal<Validation>, field: &'static str) -> Messages {
    Signal::derive(move || validation.with(|v| field_problems(v.warnings.get(field))))
}

#[component]
pub fn TextField(
    /// The input's id; also the prefix of its hint and error ids.
    id: &'static str,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(into, optional)] errors: Option<Messages>,
    #[prop(into, optional)] warnings: Option<Messages>,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(into, optional)] placeholder: Option<String>,
    #[prop(optional)] input_type: Option<&'static str>,
    #[prop(into, optional)] disabled: Option<Signal<bool>>,
    #[prop(optional)] autofocus: bool,
) -> impl IntoView {
    let errors = errors.unwrap_or_else(|| Signal::derive(Vec::new));
    let warnings = warnings.unwrap_or_else(|| Signal::derive(Vec::new));
    let disabled = disabled.unwrap_or_else(|| Signal::derive(|| false));
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-errors");
    let has_hint = hint.is_some();
    let described = {
        let hint_id = hint_id.clone();
        let err_id = err_id.clone();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if !errors.get().is_empty() || !warnings.get().is_empty() {
                ids.push(err_id.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field" class:invalid=move || !errors.get().is_empty()>
            <label for=id>{label}</label>
            <input
                id=id
                name=id
                type=input_type.unwrap_or("text")
                placeholder=placeholder.unwrap_or_default()
                autocomplete="off"
                spellcheck="false"
                autofocus=autofocus
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                disabled=move || disabled.get()
                aria-invalid=move || (!errors.get().is_empty()).to_string()
                aria-describedby=described
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <FieldMessages id=err_id errors=errors warnings=warnings />
        </div>
    }
}

/// `message` with its first letter in capitals: rule messages are written to follow a field name.
pub fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Errors (red) and warnings (amber) under a field.
#[component]
pub fn FieldMessages(id: String, errors: Messages, warnings: Messages) -> impl IntoView {
    view! {
        <div id=id class="field-messages" aria-live="polite">
            {move || errors.get().into_iter().map(|m| view! { <p class="field-error">{sentence(&m)}</p> }).collect_view()}
            {move || warnings.get().into_iter().map(|m| view! { <p class="field-warning">{sentence(&m)}</p> }).collect_view()}
        </div>
    }
}

/// A checkbox with a label and, when it does not apply, the reason it is off.
#[component]
pub fn CheckField(
    id: &'static str,
    #[prop(into)] label: String,
    checked: RwSignal<bool>,
    #[prop(into, optional)] disabled_reason: Option<Signal<Option<String>>>,
    #[prop(into, optional)] errors: Option<Messages>,
    #[prop(into, optional)] warnings: Option<Messages>,
    #[prop(into, optional)] hint: Option<String>,
) -> impl IntoView {
    let reason = disabled_reason.unwrap_or_else(|| Signal::derive(|| None));
    let errors = errors.unwrap_or_else(|| Signal::derive(Vec::new));
    let warnings = warnings.unwrap_or_else(|| Signal::derive(Vec::new));
    let err_id = format!("{id}-errors");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field check" class:invalid=move || !errors.get().is_empty()>
            <label class="check-label">
                <input
                    id=id
                    name=id
                    type="checkbox"
                    prop:checked=move || checked.get()
                    on:change=move |ev| checked.set(event_target_checked(&ev))
                    disabled=move || reason.get().is_some()
                    aria-describedby=format!("{hint_id} {err_id}")
                />
                <span>{label}</span>
            </label>
            <p class="hint" id=hint_id>
                {move || reason.get().unwrap_or_else(|| hint.clone().unwrap_or_default())}
            </p>
            <FieldMessages id=err_id errors=errors warnings=warnings />
        </div>
    }
}
