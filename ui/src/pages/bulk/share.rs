//! A run's share of the write rate: "Use at most [100]% of the write rate", so other tools on
//! the tenant's rate limit keep working. Changeable while the run is not running; checked as it
//! is typed (1–100).

use lanyard_model::bulk::{ItemPage, RateShare, RunState};
use leptos::prelude::*;

use crate::backend;
use crate::backend::compare::bulk_rate_share;
use crate::context::use_ctx;
use crate::time::sleep;
use crate::tr;

/// The percent typed as a share, or why it is not one.
fn parse_share(text: &str) -> Result<RateShare, String> {
    match text.trim().parse::<u8>() {
        Ok(p) => RateShare::new(p).map_err(|_| tr!("share-invalid")),
        Err(_) => Err(tr!("share-invalid")),
    }
}

/// The control, above a run's panel: its share now, and the field while it is not running.
#[component]
pub(super) fn RateShareControl(run_id: String) -> impl IntoView {
    let ctx = use_ctx();
    let id = StoredValue::new(run_id);
    let state = RwSignal::new(None::<(RunState, RateShare)>);
    let typed = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let alive = StoredValue::new(true);
    on_cleanup(move || alive.set_value(false));
    leptos::task::spawn_local(async move {
        while alive.try_get_value().unwrap_or(false) {
            if let Ok(v) = backend::bulk_view(&id.get_value(), ItemPage::none()).await {
                if !alive.try_get_value().unwrap_or(false) {
                    break;
                }
                if state.get_untracked().is_none() {
                    typed.set(v.rate_share.percent().to_string());
                }
                state.set(Some((v.state, v.rate_share)));
            }
            sleep(1_000).await;
        }
    });
    let error = Signal::derive(move || parse_share(&typed.get()).err());
    let save = move || {
        let Ok(share) = parse_share(&typed.get_untracked()) else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let reply = bulk_rate_share(&id.get_value(), share).await;
            busy.set(false);
            match reply {
                Ok(v) => {
                    state.set(Some((v.state, v.rate_share)));
                    ctx.toasts
                        .success(tr!("share-now-uses", share = share_words(v.rate_share)));
                }
                Err(err) => ctx.toasts.error(crate::i18n::error_text(&err)),
            }
        });
    };
    view! {
        {move || state.get().map(|(s, share)| {
            let editable = !matches!(s, RunState::Running | RunState::Finished | RunState::Cancelled);
            view! {
                <div class="card rate-share" data-testid="rate-share">
                    <div class="form-row">
                        <p id="rate-share-now"><strong>{tr!("share-write-rate")}" "</strong>{tr!("share-run-uses", share = share_words(share))}
                            {(s == RunState::Running).then(|| view! { <span class="muted small">" · "{tr!("share-pause-to-change")}</span> })}
                        </p>
                        {editable.then(|| view! {
                            <form class="form-row" novalidate=true on:submit=move |ev| { ev.prevent_default(); save(); }
                                title=tr!("share-title")>
                                <label for="rate-share">{tr!("share-use-at-most")}</label>
                                <input type="number" id="rate-share" min="1" max="100" step="1" class="narrow"
                                    aria-invalid=move || error.get().is_some().to_string() aria-describedby="rate-share-error"
                                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
                                <span>{tr!("share-percent")}</span>
                                <button type="submit" class="btn btn-small" id="rate-share-set" disabled=move || busy.get() || error.get().is_some()>{tr!("share-set")}</button>
                            </form>
                        })}
                    </div>
                    <p id="rate-share-error" class="field-error" aria-live="polite">{move || error.get()}</p>
                </div>
            }
        })}
    }
}

/// "the full write rate", "at most 50% of the write rate".
fn share_words(share: RateShare) -> String {
    if share.is_full() {
        tr!("share-full")
    } else {
        tr!("share-partial", percent = share.percent())
    }
}
