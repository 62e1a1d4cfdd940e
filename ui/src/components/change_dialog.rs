//! The preview of a change (what will be sent, the state now and after, read live, and what it
//! will do to people signing in) and its Apply button; on success a toast with Undo, which goes
//! through the same preview. A warning's fix opens the fix's own preview, with a way back; once
//! the fix is applied the first change is previewed again. A change that waits for a choice
//! (the ZITADEL default-policy question) offers no Apply until one is chosen.

use lanyard_model::{CommandError, Plan, WarningAction};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::backend;
use crate::components::modal::{Modal, typed_confirmation};
use crate::components::warnings::{PlanWarnings, needs_choice};
use crate::context::toasts::ToastKind;
use crate::context::{Pending, use_ctx};
use crate::i18n::{change_summary, error_text};
use crate::lazy::{self, Arrived, Waiting};
use crate::load::Loaded;
use crate::tr;

/// A preview left for a warning's action: shown again by Back, or after its fix is applied.
#[derive(Clone)]
struct Left {
    pending: Pending,
    summary: String,
    /// The action was a fix to apply first: once it is, this preview comes back.
    come_back: bool,
}

/// "← Back to the choice" after choosing; "← Back to: <the change>" from a fix.
fn back_label(prev: &Left) -> String {
    if prev.come_back {
        // Cut here rather than by the style: WebKitWebDriver reads an ellipsed text as empty.
        let mut short: String = prev.summary.chars().take(40).collect();
        if short.len() < prev.summary.len() {
            short = format!("{}…", short.trim_end());
        }
        tr!("change-back-to", change = short)
    } else {
        tr!("change-back-to-choice")
    }
}

/// The change dialog's place in the frame. Its code is a chunk of its own (`crate::lazy`),
/// loaded when the first change is proposed; from then on the dialog stays mounted.
#[component]
pub fn ChangeDialog() -> impl IntoView {
    let ctx = use_ctx();
    let wanted = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || ctx.pending.with(Option::is_some)
    });
    move || {
        wanted
            .get()
            .then(|| lazy::show(dialog_chunk(), Waiting::Quiet))
    }
}

#[wasm_split(change_dialog, wasm_split_path = ::leptos::wasm_split, fallible)]
fn dialog_chunk() -> Arrived {
    Ok(view! { <Dialog /> }.into_any())
}

#[component]
fn Dialog() -> impl IntoView {
    let ctx = use_ctx();
    let stage = RwSignal::new(Loaded::<Plan>::Loading);
    let busy = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let apply_error = RwSignal::new(None::<CommandError>);
    // The previews left for a warning's action, newest last.
    let left = RwSignal::new(Vec::<Left>::new());

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
            left.set(Vec::new());
            ctx.pending.set(None);
        }
    };
    let on_action = Callback::new(move |(action, choice): (WarningAction, bool)| {
        let (Some(pending), Loaded::Ready(plan)) =
            (ctx.pending.get_untracked(), stage.get_untracked())
        else {
            return;
        };
        let profile_id = pending.profile_id.clone();
        left.update(|l| {
            l.push(Left {
                pending,
                summary: change_summary(&plan.summary),
                come_back: !choice,
            })
        });
        ctx.propose(profile_id, action.change);
    });
    let back = move || {
        if let Some(prev) = left.try_update(Vec::pop).flatten() {
            ctx.pending.set(Some(prev.pending));
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
                    // The preview applied says what was done, in the UI's language.
                    let summary = stage
                        .with_untracked(|s| match s {
                            Loaded::Ready(plan) => Some(change_summary(&plan.summary)),
                            _ => None,
                        })
                        .unwrap_or_else(|| change_summary(&applied.summary));
                    // A fix applied brings back the change it was for; a choice made does not
                    // go back to the question.
                    let again = left
                        .try_update(|l| {
                            let last = l.pop();
                            if !last.as_ref().is_some_and(|x| x.come_back) {
                                l.clear();
                            }
                            last.filter(|x| x.come_back)
                        })
                        .flatten();
                    ctx.pending.set(again.map(|x| x.pending));
                    ctx.refresh.update(|n| *n += 1);
                    let action = applied.undo.clone().map(|undo| {
                        let pid = profile_id.clone();
                        (
                            tr!("action-undo"),
                            Callback::new(move |_| ctx.propose(pid.clone(), undo.clone())),
                        )
                    });
                    match &applied.audit_error {
                        // The change happened; only its audit entry is missing. Say both.
                        Some(cause) => ctx.toasts.show(
                            ToastKind::Warning,
                            tr!(
                                "change-applied-no-audit",
                                summary = summary,
                                cause = error_text(cause)
                            ),
                            action,
                        ),
                        None => ctx.toasts.show(ToastKind::Success, summary, action),
                    }
                }
                Err(err) => apply_error.set(Some(err)),
            }
        });
    };

    let choice_needed =
        move || stage.with(|s| matches!(s, Loaded::Ready(p) if needs_choice(&p.warnings)));

    view! {
        <Modal open=Signal::derive(move || ctx.pending.get().is_some()) on_close=Callback::new(move |_| close())
            labelled_by="change-title" wide=true testid="change-dialog">
            {move || match stage.get() {
                Loaded::Loading => view! {
                    <h2 id="change-title">{tr!("change-preparing")}</h2>
                    <p class="muted" role="status">{tr!("change-reading-state")}</p>
                }.into_any(),
                Loaded::Failed(err) => view! {
                    <h2 id="change-title">{tr!("change-cannot-prepare")}</h2>
                    <p class="error" role="alert" data-testid="change-error">{error_text(&err)}</p>
                }.into_any(),
                Loaded::Ready(plan) => {
                    let needs = plan.confirm_with.clone();
                    view! {
                        <h2 id="change-title">{change_summary(&plan.summary)}</h2>
                        {plan.no_op.then(|| view! { <p class="notice">{tr!("change-no-op")}</p> })}
                        <PlanWarnings warnings=plan.warnings.clone() on_action=on_action />
                        {if needs_choice(&plan.warnings) {
                            // The request depends on the choice: the chosen change's preview shows it.
                            view! { <p class="muted small" id="plan-after-choice">{tr!("change-after-choice")}</p> }.into_any()
                        } else {
                            view! {
                            <div class="plan">
                                <strong>{tr!("change-will-send")}</strong>
                                <pre class="mono" data-testid="plan-request">{plan.request.to_string()}{plan.request.body.is_some().then(|| format!("\n{}", plan.request.pretty_body()))}</pre>
                            </div>
                            <div class="diff">
                                <div><h3>{tr!("change-now")}</h3><p data-testid="plan-now">{crate::i18n::target_state(&plan.current)}</p></div>
                                <div><h3>{tr!("change-after")}</h3><p data-testid="plan-after">{crate::i18n::target_state(&plan.planned)}</p></div>
                            </div>
                            }.into_any()
                        }}
                        {needs.map(|name| typed_confirmation(name, typed))}
                    }.into_any()
                }
            }}
            {move || apply_error.get().map(|err| view! { <p class="error" role="alert" data-testid="change-error">{error_text(&err)}</p> })}
            <div class="modal-actions">
                {move || left.with(|l| l.last().map(|prev| (back_label(prev), prev.summary.clone()))).map(|(label, title)| view! {
                    <button type="button" class="btn btn-link modal-back" id="change-back" title=title on:click=move |_| back() disabled=move || busy.get()>{label}</button>
                })}
                {move || choice_needed().then(|| view! {
                    <span class="muted small modal-hint" id="change-needs-choice">{tr!("change-needs-choice")}</span>
                })}
                <button type="button" class="btn" id="change-cancel" on:click=move |_| close() disabled=move || busy.get()>{tr!("action-cancel")}</button>
                {move || if choice_needed() {
                    ().into_any()
                } else {
                    view! {
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
                            {move || if busy.get() { tr!("change-applying") } else { tr!("change-apply") }}
                        </button>
                    }.into_any()
                }}
            </div>
        </Modal>
    }
}
