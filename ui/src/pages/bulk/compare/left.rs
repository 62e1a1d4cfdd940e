//! The left side of a compare: another profile of the right-hand one's product, or a snapshot
//! file (picked, dropped on the field, or pasted), read as text in the window. A file Lanyard
//! cannot read is named under the field with its line, column and field.

use lanyard_model::compare::CompareLeft;
use lanyard_model::{CommandError, Profile};
use leptos::prelude::*;

use super::super::file_text;
use crate::context::use_ctx;
use crate::tr;

/// The left side's fields. `Copy`.
#[derive(Debug, Clone, Copy)]
pub(super) struct LeftChoice {
    file_mode: RwSignal<bool>,
    profile_id: RwSignal<String>,
    file_name: RwSignal<Option<String>>,
    text: RwSignal<String>,
    /// Why the side cannot be compared, under its field.
    problem: RwSignal<Option<String>>,
}

impl LeftChoice {
    pub fn new() -> Self {
        Self {
            file_mode: RwSignal::new(false),
            profile_id: RwSignal::new(String::new()),
            file_name: RwSignal::new(None),
            text: RwSignal::new(String::new()),
            problem: RwSignal::new(None),
        }
    }

    /// The profiles the left side may be: the right's product, not the right itself.
    fn profiles(right: &Profile) -> Vec<Profile> {
        use_ctx()
            .profiles()
            .into_iter()
            .filter(|p| p.product == right.product && p.id != right.id)
            .collect()
    }

    /// The request's left side, or `None` with the problem shown under its field.
    pub fn request(self, right: &Profile) -> Option<CompareLeft> {
        self.problem.set(None);
        if self.file_mode.get_untracked() {
            let text = self.text.get_untracked();
            if text.trim().is_empty() {
                self.problem.set(Some(tr!("left-need-snapshot")));
                return None;
            }
            let name = self
                .file_name
                .get_untracked()
                .unwrap_or_else(|| tr!("left-pasted"));
            return Some(CompareLeft::File { name, text });
        }
        let id = self.profile_id.get_untracked();
        let all = Self::profiles(right);
        let chosen = all.iter().find(|p| p.id == id).or(all.first());
        match chosen {
            Some(p) => Some(CompareLeft::Profile {
                profile_id: p.id.clone(),
            }),
            None => {
                self.problem.set(Some(tr!(
                    "left-no-other",
                    product = right.product.label(),
                    name = right.display_name.clone()
                )));
                None
            }
        }
    }

    /// Places a snapshot file's error under the file's field.
    pub fn show_error(self, err: &CommandError) {
        if let Some(f) = err.field_errors() {
            let msgs = f.get("snapshot");
            if !msgs.is_empty() {
                self.problem
                    .set(Some(crate::i18n::field_problems(msgs).join(" ")));
            }
        }
    }
}

#[component]
pub(super) fn LeftSide(choice: LeftChoice, right: Profile) -> impl IntoView {
    let profiles = LeftChoice::profiles(&right);
    let right_name = right.display_name.clone();
    let right_product = right.product.label();
    let current = choice.profile_id.get_untracked();
    let c = choice;
    let load = move |got: Option<Result<(String, String), String>>| match got {
        Some(Ok((name, text))) => {
            c.file_name.set(Some(name));
            c.text.set(text);
            c.problem.set(None);
        }
        Some(Err(e)) => c.problem.set(Some(e)),
        None => {}
    };
    view! {
        <fieldset class="radio-row" data-testid="compare-left">
            <legend>{tr!("left-legend")}</legend>
            <label class="radio"><input type="radio" name="left-kind" id="left-profile" prop:checked=move || !c.file_mode.get() on:change=move |_| c.file_mode.set(false) />" "{tr!("left-a-profile")}</label>
            <label class="radio"><input type="radio" name="left-kind" id="left-file" prop:checked=move || c.file_mode.get() on:change=move |_| c.file_mode.set(true) />" "{tr!("left-a-file")}</label>
        </fieldset>
        {move || if c.file_mode.get() {
            view! {
                <div class="field">
                    <label for="left-text">{tr!("left-text")}</label>
                    <label class="btn btn-small file-button">{tr!("left-open-file")}
                        <input type="file" id="left-file-input" class="sr-only" accept=".json,application/json"
                            on:change=move |ev| leptos::task::spawn_local(async move { load(file_text::from_input(&ev).await) }) />
                    </label>
                    {move || c.file_name.get().map(|n| view! { <span class="muted small" id="left-file-name">{n}</span> })}
                    <textarea id="left-text" rows="6" class="mono drop-zone" aria-describedby="left-problem"
                        aria-invalid=move || c.problem.get().is_some().to_string()
                        prop:value=move || c.text.get()
                        on:input=move |ev| { c.text.set(event_target_value(&ev)); c.file_name.set(None); c.problem.set(None); }
                        on:dragover=|ev| ev.prevent_default()
                        on:drop=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); leptos::task::spawn_local(async move { load(file_text::from_drop(&ev).await) }) }></textarea>
                    <p class="muted small">{tr!("left-snapshot-hint")}</p>
                </div>
            }.into_any()
        } else {
            let profiles = profiles.clone();
            let current = current.clone();
            if profiles.is_empty() {
                return view! {
                    <p class="muted" id="left-none">{tr!("left-only-profile", name = right_name.clone(), product = right_product)}</p>
                }.into_any();
            }
            view! {
                <div class="field">
                    <label for="left-profile-select">{tr!("left-profile")}</label>
                    <select id="left-profile-select" on:change=move |ev| c.profile_id.set(event_target_value(&ev))>
                        {profiles.into_iter().map(|p| {
                            let sel = p.id == current;
                            view! { <option value=p.id.clone() selected=sel>{format!("{} ({})", p.display_name, crate::i18n::words::environment(p.environment))}</option> }
                        }).collect_view()}
                    </select>
                </div>
            }.into_any()
        }}
        <p id="left-problem" class="field-error" role="alert" aria-live="polite">{move || c.problem.get()}</p>
    }
}
