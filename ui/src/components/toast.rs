//! Toasts: the result of a change in the corner, with an action (Undo) where there is one.
//! Errors stay until closed; successes fade after a while.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    /// Done, with something the user must know (e.g. the audit entry could not be written).
    Warning,
    Error,
}

/// One toast; `action` is a labelled callback such as Undo.
#[derive(Clone)]
pub struct Toast {
    pub id: u64,
    pub kind: ToastKind,
    pub message: String,
    pub action: Option<(String, Callback<()>)>,
}

/// The app-wide toast queue, provided as context by the frame.
#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

impl Default for Toasts {
    fn default() -> Self {
        Self::new()
    }
}

impl Toasts {
    pub fn new() -> Self {
        Self {
            items: RwSignal::new(Vec::new()),
            next: StoredValue::new(1),
        }
    }

    pub fn show(
        &self,
        kind: ToastKind,
        message: impl Into<String>,
        action: Option<(String, Callback<()>)>,
    ) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.items.update(|items| {
            items.push(Toast {
                id,
                kind,
                message: message.into(),
                action,
            });
            // Keep the corner readable.
            if items.len() > 4 {
                items.remove(0);
            }
        });
        if kind == ToastKind::Success {
            let items = self.items;
            set_timeout(
                move || items.update(|list| list.retain(|t| t.id != id)),
                std::time::Duration::from_secs(12),
            );
        }
    }

    pub fn success(&self, message: impl Into<String>) {
        self.show(ToastKind::Success, message, None);
    }

    pub fn error(&self, message: impl Into<String>) {
        self.show(ToastKind::Error, message, None);
    }

    pub fn dismiss(&self, id: u64) {
        self.items.update(|list| list.retain(|t| t.id != id));
    }
}

/// The toasts in the corner of the window.
#[component]
pub fn ToastHost(toasts: Toasts) -> impl IntoView {
    view! {
        <div class="toasts" role="region" aria-label="Notifications" aria-live="polite">
            <For each=move || toasts.items.get() key=|t| t.id let:toast>
                <div
                    class="toast"
                    class:toast-success=toast.kind == ToastKind::Success
                    class:toast-error=toast.kind == ToastKind::Error
                    class:toast-warning=toast.kind == ToastKind::Warning
                    role=if toast.kind == ToastKind::Success { "status" } else { "alert" }
                    data-testid="toast"
                >
                    <span class="toast-message">{toast.message.clone()}</span>
                    {toast.action.clone().map(|(label, run)| {
                        let id = toast.id;
                        view! {
                            <button type="button" class="btn btn-small toast-action" on:click=move |_| {
                                toasts.dismiss(id);
                                run.run(());
                            }>{label}</button>
                        }
                    })}
                    <button type="button" class="toast-close" aria-label="Close" on:click={
                        let id = toast.id;
                        move |_| toasts.dismiss(id)
                    }>"×"</button>
                </div>
            </For>
        </div>
    }
}
