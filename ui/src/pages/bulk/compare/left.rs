//! The left side of a compare: another profile of the right-hand one's product, or a snapshot
//! file (picked, dropped on the field, or pasted), read as text in the window. A file Lanyard
//! cannot read is named under the field with its line, column and field.

use lanyard_model::compare::CompareLeft;
use lanyard_model::{CommandError, Profile};
use leptos::prelude::*;

use super::super::file_text;
use crate::context::use_ctx;

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
                self.problem.set(Some(
                    "Open a snapshot file, drop one here, or paste its text.".to_owned(),
                ));
                return None;
            }
            let name = self
                .file_name
                .get_untracked()
                .unwrap_or_else(|| "pasted snapshot".to_owned());
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
                self.problem.set(Some(format!(
                    "There is no other {} profile to compare {} with. Add one on the Profiles page, or compare a snapshot file.",
                    right.product.label(),
                    right.display_name
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
                self.problem.set(Some(msgs.join(" ")));
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
            <legend>"Left: what the right should match"</legend>
            <label class="radio"><input type="radio" name="left-kind" id="left-profile" prop:checked=move || !c.file_mode.get() on:change=move |_| c.file_mode.set(false) />" A profile"</label>
            <label class="radio"><input type="radio" name="left-kind" id="left-file" prop:checked=move || c.file_mode.get() on:change=move |_| c.file_mode.set(true) />" A snapshot file"</label>
        </fieldset>
        {move || if c.file_mode.get() {
            view! {
                <div class="field">
                    <label for="left-text">"Snapshot (JSON): open a file, drop it here, or paste it"</label>
                    <label class="btn btn-small file-button">"Open a file…"
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
                    <p class="muted small">"A snapshot is what “Export a snapshot” saves: names and ids, no secrets. Nothing is sent until you review the plan."</p>
                </div>
            }.into_any()
        } else {
            let profiles = profiles.clone();
            let current = current.clone();
            if profiles.is_empty() {
                return view! {
                    <p class="muted" id="left-none">{format!(
                        "{} is the only {} profile. Compare it with a snapshot file (choose “A snapshot file”), or add the other tenant on the Profiles page.",
                        right_name, right_product
                    )}</p>
                }.into_any();
            }
            view! {
                <div class="field">
                    <label for="left-profile-select">"Left profile"</label>
                    <select id="left-profile-select" on:change=move |ev| c.profile_id.set(event_target_value(&ev))>
                        {profiles.into_iter().map(|p| {
                            let sel = p.id == current;
                            view! { <option value=p.id.clone() selected=sel>{format!("{} ({})", p.display_name, p.environment.label())}</option> }
                        }).collect_view()}
                    </select>
                </div>
            }.into_any()
        }}
        <p id="left-problem" class="field-error" role="alert" aria-live="polite">{move || c.problem.get()}</p>
    }
}
