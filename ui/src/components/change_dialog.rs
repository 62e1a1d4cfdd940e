//! The preview of a change (what will be sent, the state now and after, read live) and its
//! Apply button; on success a toast with Undo, which goes through the same preview.

use lanyard_model::{CommandError, Plan};
use leptos::prelude::*;

use crate::backend;
use crate::components::modal::{Modal, typed_confirmation};
use crate::context::toasts::ToastKind;
use crate::context::{Pending, use_ctx};
use crate::load::Loaded;

#[component]
pub fn ChangeDialog() -> impl IntoView {
    let ctx = use_ctx();
    let stage = RwSignal::new(Loaded::<Plan>::Loading);
    let busy = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let apply_error = RwSignal::new(None::<CommandError>);

    Effect::new(move |_| {
        if let Some(Pending { profile_id, change }) = ctx.pending.get() {
            stage.set(Loaded::Loading);
            apply_error.set(None);
            typed.set(String::new());
            leptos::task::spawn_local(async move {
                stage.set(match backend::change_preview(&profile_id, &change).await {
                    Ok(plan) => Loaded::Ready(plan),
                    Err(err) => Loaded::Failed(err),
                });
            });
        }
    });

    let close = move || {
        if !busy.get_untracked() {
            ctx.pending.set(None);
        }
    };
    let apply = move || {
        let Some(Pending { profile_id, change }) = ctx.pending.get_untracked() else {
            return;
        };
        let confirm = typed.get_untracked();
        busy.set(true);
        apply_error.set(None);
        leptos::task::spawn_local(async move {
            let result = backend::change_apply(
                &profile_id,
                &change,
                Some(confirm.as_str()).filter(|c| !c.is_empty()),
            )
            .await;
            busy.set(false);
            match result {
                Ok(applied) => {
                    ctx.pending.set(None);
                    ctx.refresh.update(|n| *n += 1);
                    let action = applied.undo.clone().map(|undo| {
                        let pid = profile_id.clone();
                        (
                            "Undo".to_owned(),
                            Callback::new(move |_| ctx.propose(pid.clone(), undo.clone())),
                        )
                    });
                    match &applied.audit_error {
                        // The change happened; only its audit entry is missing. Say both.
                        Some(cause) => ctx.toasts.show(
                            ToastKind::Warning,
                            format!(
                                "{}. Applied, but the audit entry could not be written: {cause}",
                                applied.summary
                            ),
                            action,
                        ),
                        None => {
                            ctx.toasts
                                .show(ToastKind::Success, applied.summary.clone(), action)
                        }
                    }
                }
                Err(err) => apply_error.set(Some(err)),
            }
        });
    };

    view! {
        <Modal open=Signal::derive(move || ctx.pending.get().is_some()) on_close=Callback::new(move |_| close())
            labelled_by="change-title" wide=true testid="change-dialog">
            {move || match stage.get() {
                Loaded::Loading => view! {
                    <h2 id="change-title">"Preparing the change…"</h2>
                    <p class="muted" role="status">"Reading the current state from the server."</p>
                }.into_any(),
                Loaded::Failed(err) => view! {
                    <h2 id="change-title">"This change cannot be prepared"</h2>
                    <p class="error" role="alert" data-testid="change-error">{err.to_string()}</p>
                }.into_any(),
                Loaded::Ready(plan) => {
                    let needs = plan.confirm_with.clone();
                    view! {
                        <h2 id="change-title">{plan.summary.clone()}</h2>
                        {plan.no_op.then(|| view! { <p class="notice">"It is already so: applying changes nothing."</p> })}
                        <div class="plan">
                            <strong>"Will send"</strong>
                            <pre class="mono" data-testid="plan-request">{plan.request.to_string()}{plan.request.body.is_some().then(|| format!("\n{}", plan.request.pretty_body()))}</pre>
                        </div>
                        <div class="diff">
                            <div><h3>"Now"</h3><p data-testid="plan-now">{plan.current.to_string()}</p></div>
                            <div><h3>"After"</h3><p data-testid="plan-after">{plan.planned.to_string()}</p></div>
                        </div>
                        {needs.map(|name| typed_confirmation(name, typed))}
                    }.into_any()
                }
            }}
            {move || apply_error.get().map(|err| view! { <p class="error" role="alert" data-testid="change-error">{err.to_string()}</p> })}
            <div class="modal-actions">
                <button type="button" class="btn" id="change-cancel" on:click=move |_| close() disabled=move || busy.get()>"Cancel"</button>
                <button
                    type="button"
                    id="change-apply"
                    class=move || match stage.get() {
                        Loaded::Ready(p) if p.destructive => "btn btn-danger",
                        _ => "btn btn-primary",
                    }
                    disabled=move || {
                        busy.get()
                            || match stage.get() {
                                Loaded::Ready(p) => p.confirm_with.as_deref().is_some_and(|n| typed.get().trim() != n),
                                _ => true,
                            }
                    }
                    on:click=move |_| apply()
                >
                    {move || if busy.get() { "Applying…" } else { "Apply" }}
                </button>
            </div>
        </Modal>
    }
}
