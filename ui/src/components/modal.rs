//! The frame every dialog shares (a backdrop, Esc or a click beside it closes it), the typed
//! confirmation a production change asks for, and a dialog that asks before a change: Esc or
//! Cancel closes it, and a production change can require typing the tenant's name before the
//! confirm button works.

use leptos::prelude::*;

use crate::tr;

/// A modal dialog while `open`: Esc or a click on the backdrop runs `on_close`; its title is the
/// element whose id is `labelled_by`.
#[component]
pub fn Modal(
    #[prop(into)] open: Signal<bool>,
    on_close: Callback<()>,
    labelled_by: &'static str,
    /// The wide frame, for a preview with a request and a diff.
    #[prop(optional)]
    wide: bool,
    #[prop(optional)] testid: Option<&'static str>,
    children: ChildrenFn,
) -> impl IntoView {
    let children = StoredValue::new(children);
    view! {
        <Show when=move || open.get()>
            <div class="modal-backdrop" on:click=move |_| on_close.run(())>
                <div
                    class=if wide { "modal modal-wide" } else { "modal" }
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby=labelled_by
                    data-testid=testid
                    on:click=|ev| ev.stop_propagation()
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            on_close.run(());
                        }
                    }
                >
                    {children.read_value()()}
                </div>
            </div>
        </Show>
    }
}

/// The field a production change asks the tenant's host name `needed` to be typed in.
pub fn typed_confirmation(needed: String, typed: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label for="confirm-typed">
                {tr!("confirm-typed-before")}
                <strong>{needed}</strong>
                {tr!("confirm-typed-after")}
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
}

#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is shown.
    open: RwSignal<bool>,
    title: Signal<String>,
    confirm_label: Signal<String>,
    /// Red confirm button for removals.
    #[prop(into, optional)]
    danger: Signal<bool>,
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
        <Modal open=open on_close=Callback::new(move |_| close()) labelled_by="modal-title">
            <h2 id="modal-title">{move || title.get()}</h2>
            <div class="modal-body">{children.read_value()()}</div>
            {move || require_typed.get().map(|needed| typed_confirmation(needed, typed))}
            <div class="modal-actions">
                <button type="button" class="btn" id="modal-cancel" on:click=move |_| close() disabled=move || busy.get()>
                    {tr!("action-cancel")}
                </button>
                <button
                    type="button"
                    id="modal-confirm"
                    class=move || if danger.get() { "btn btn-danger" } else { "btn btn-primary" }
                    disabled=move || !can_confirm()
                    autofocus=true
                    on:click=move |_| {
                        if can_confirm() {
                            on_confirm.run(());
                        }
                    }
                >
                    {move || if busy.get() { tr!("action-working") } else { confirm_label.get() }}
                </button>
            </div>
        </Modal>
    }
}
