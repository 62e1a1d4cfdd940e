//! A run's share of the write rate: "Use at most [100]% of the write rate", so other tools on
//! the tenant's rate limit keep working. Changeable while the run is not running; checked as it
//! is typed (1–100).

use lanyard_model::bulk::{RateShare, RunState};
use leptos::prelude::*;

use crate::backend;
use crate::backend::compare::bulk_rate_share;
use crate::context::use_ctx;
use crate::time::sleep;

/// The percent typed as a share, or why it is not one.
fn parse_share(text: &str) -> Result<RateShare, String> {
    match text.trim().parse::<u8>() {
        Ok(p) => RateShare::new(p).map_err(|_| "Enter a whole percent from 1 to 100.".to_owned()),
        Err(_) => Err("Enter a whole percent from 1 to 100.".to_owned()),
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
            if let Ok(v) = backend::bulk_view(&id.get_value()).await {
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
                        .success(format!("This run now uses {}.", v.rate_share.words()));
                }
                Err(err) => ctx.toasts.error(err.to_string()),
            }
        });
    };
    view! {
        {move || state.get().map(|(s, share)| {
            let editable = !matches!(s, RunState::Running | RunState::Finished | RunState::Cancelled);
            view! {
                <div class="card rate-share" data-testid="rate-share">
                    <div class="form-row">
                        <p id="rate-share-now"><strong>"Write rate: "</strong>{format!("this run uses {}", share.words())}
                            {(s == RunState::Running).then(|| view! { <span class="muted small">" · pause the run to change it"</span> })}
                        </p>
                        {editable.then(|| view! {
                            <form class="form-row" novalidate=true on:submit=move |ev| { ev.prevent_default(); save(); }
                                title="Other tools that use the tenant's rate limit (Deploy CLI, Terraform, your own scripts) keep the rest.">
                                <label for="rate-share">"Use at most"</label>
                                <input type="number" id="rate-share" min="1" max="100" step="1" class="narrow"
                                    aria-invalid=move || error.get().is_some().to_string() aria-describedby="rate-share-error"
                                    prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
                                <span>"% of the write rate, so other tools keep the rest"</span>
                                <button type="submit" class="btn btn-small" id="rate-share-set" disabled=move || busy.get() || error.get().is_some()>"Set"</button>
                            </form>
                        })}
                    </div>
                    <p id="rate-share-error" class="field-error" aria-live="polite">{move || error.get()}</p>
                </div>
            }
        })}
    }
}
