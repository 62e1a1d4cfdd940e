//! The frame every dialog shares (a backdrop, Esc or a click beside it closes it), the typed
//! confirmation a production change asks for, and a dialog that asks before a change: Esc or
//! Cancel closes it, and a production change can require typing the tenant's name before the
//! confirm button works.

use leptos::prelude::*;

use crate::tr;

/// A modal dialog while `open`: Esc or a click on the backdrop runs `on_close`; its title is the
/// element whose id is `labelled_by`. Opening it moves the focus into it (to its `autofocus`
/// control, else to the dialog itself, which reads its title), Tab and Shift+Tab stay inside
/// it, and closing it gives the focus back to what had it before (the button that opened it).
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
    let dialog = NodeRef::<leptos::html::Div>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if is_open && was_open != Some(true) {
            opener.set_value(focus::active());
            // After the dialog is drawn.
            set_timeout(move || focus::enter(dialog), std::time::Duration::ZERO);
        } else if !is_open && was_open == Some(true) {
            if let Some(el) = opener.get_value() {
                let _ = el.focus();
            }
            opener.set_value(None);
        }
        is_open
    });
    view! {
        <Show when=move || open.get()>
            <div class="modal-backdrop" on:click=move |_| on_close.run(())>
                <div
                    class=if wide { "modal modal-wide" } else { "modal" }
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby=labelled_by
                    tabindex="-1"
                    node_ref=dialog
                    data-testid=testid
                    on:click=|ev| ev.stop_propagation()
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            ev.prevent_default();
                            on_close.run(());
                        } else if ev.key() == "Tab" && focus::wrap(dialog, ev.shift_key()) {
                            ev.prevent_default();
                        }
                    }
                >
                    {children.read_value()()}
                </div>
            </div>
        </Show>
    }
}

/// Where the keyboard's focus goes when a dialog opens and closes.
mod focus {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
        select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

    /// The element that has the focus now.
    pub fn active() -> Option<web_sys::HtmlElement> {
        web_sys::window()?
            .document()?
            .active_element()?
            .dyn_into::<web_sys::HtmlElement>()
            .ok()
    }

    /// Focuses the dialog's `autofocus` control, else the dialog itself.
    pub fn enter(dialog: NodeRef<leptos::html::Div>) {
        let Some(el) = dialog.get_untracked() else {
            return;
        };
        let target = el
            .query_selector("[autofocus]:not([disabled])")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        let _ = match target {
            Some(t) => t.focus(),
            None => el.focus(),
        };
    }

    /// Keeps Tab inside the dialog: from its last control to its first, and Shift+Tab from its
    /// first (or the dialog itself) to its last. True when it moved the focus.
    pub fn wrap(dialog: NodeRef<leptos::html::Div>, back: bool) -> bool {
        let Some(el) = dialog.get_untracked() else {
            return false;
        };
        let Ok(list) = el.query_selector_all(FOCUSABLE) else {
            return false;
        };
        let all: Vec<web_sys::HtmlElement> = (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
            .collect();
        let (Some(first), Some(last)) = (all.first(), all.last()) else {
            return false;
        };
        let now = active();
        let at = |e: &web_sys::HtmlElement| now.as_ref().is_some_and(|a| a == e);
        let dialog_itself = now.as_ref().is_some_and(|a| {
            let a: &web_sys::Element = a;
            let d: &web_sys::Element = &el;
            a == d
        });
        if back && (at(first) || dialog_itself) {
            let _ = last.focus();
            true
        } else if !back && at(last) {
            let _ = first.focus();
            true
        } else {
            false
        }
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
