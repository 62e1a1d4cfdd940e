//! A dialog that asks before a change: Esc or Cancel closes it, and a production change can
//! require typing the tenant's name before the confirm button works.

use leptos::prelude::*;

#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
    title: Signal<String>,
    confirm_label: Signal<String>,
    /// Red confirm button for removals.
    #[prop(optional)]
    danger: bool,
    /// When set, the user must type exactly this before confirming.
    #[prop(into, optional)]
    require_typed: Option<Signal<Option<String>>>,
    /// Disables the buttons while the change runs.
    #[prop(into, optional)]
    busy: Option<Signal<bool>>,
    on_confirm: Callback<()>,
    children: ChildrenFn,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let require_typed = require_typed.unwrap_or_else(|| Signal::derive(|| None));
    let busy = busy.unwrap_or_else(|| Signal::derive(|| false));
    let can_confirm = move || {
        !busy.get()
            && require_typed
                .get()
                .is_none_or(|needed| typed.get().trim() == needed)
    };
    let close = move || {
        if !busy.get_untracked() {
            typed.set(String::new());
            open.set(false);
        }
    };
    let children = StoredValue::new(children);
    view! {
        <Show when=move || open.get()>
            <div class="modal-backdrop" on:click=move |_| close()>
                <div
                    class="modal"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="modal-title"
                    on:click=|ev| ev.stop_propagation()
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            close();
                        }
                    }
                >
                    <h2 id="modal-title">{move || title.get()}</h2>
                    <div class="modal-body">{children.read_value()()}</div>
                    {move || {
                        require_typed
                            .get()
                            .map(|needed| {
                                view! {
                                    <div class="field">
                                        <label for="confirm-typed">
                                            "This is a production profile. Type "
                                            <strong>{needed.clone()}</strong>
                                            " to confirm."
                                        </label>
                                        <input
                                            id="confirm-typed"
                                            type="text"
                                            autocomplete="off"
                                            prop:value=move || typed.get()
                                            on:input=move |ev| typed.set(event_target_value(&ev))
                                        />
                                    </div>
                                }
                            })
                    }}
                    <div class="modal-actions">
                        <button type="button" class="btn" id="modal-cancel" on:click=move |_| close() disabled=move || busy.get()>
                            "Cancel"
                        </button>
                        <button
                            type="button"
                            id="modal-confirm"
                            class=if danger { "btn btn-danger" } else { "btn btn-primary" }
                            disabled=move || !can_confirm()
                            autofocus=true
                            on:click=move |_| {
                                if can_confirm() {
                                    on_confirm.run(());
                                }
                            }
                        >
                            {move || if busy.get() { "Working…".to_owned() } else { confirm_label.get() }}
                        </button>
                    </div>
                </div>
            </div>
        </Show>
    }
}
