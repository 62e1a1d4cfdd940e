//! The toasts in the corner of the window, from the app-wide queue in `context::toasts`.

use leptos::prelude::*;

use crate::context::toasts::{ToastKind, Toasts};
use crate::tr;

/// The toasts in the corner of the window.
#[component]
pub fn ToastHost(toasts: Toasts) -> impl IntoView {
    view! {
        <div class="toasts" role="region" aria-label=tr!("toast-region") aria-live="polite">
            <For each=move || toasts.shown() key=|t| t.id let:toast>
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
                    <button type="button" class="toast-close" aria-label=tr!("toast-close") on:click={
                        let id = toast.id;
                        move |_| toasts.dismiss(id)
                    }>"×"</button>
                </div>
            </For>
        </div>
    }
}
