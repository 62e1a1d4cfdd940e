//! The crawl of one profile: its state, progress (N of M, rate, time left), Start / Resume /
//! Cancel as its state allows (the model's rule; cancel keeps what was read, so it asks
//! nothing), why it stopped, and how much of each kind the inventory holds.

use lanyard_model::CommandError;
use lanyard_model::inventory::{
    CrawlAction, CrawlPhase, CrawlState, CrawlView, InventoryOverview, KindCount,
};
use lanyard_model::profile::Product;
use leptos::prelude::*;

use super::targets_noun;
use crate::backend;
use crate::components::crawl_line::pace_words;
use crate::context::use_ctx;
use crate::i18n::records::crawl_stop;
use crate::i18n::words::{crawl_phase, targets};
use crate::time::{ago, clock, count, now_ms};
use crate::tr;

/// What the progress line says of `c`, whose targets are `noun` ("organizations").
pub(super) fn progress_text(c: &CrawlView, noun: &str, now_ms: i64) -> String {
    match c.state {
        CrawlState::NotStarted => tr!("crawl-not-started", noun = noun),
        CrawlState::Running if c.total == 0 => {
            format!("{}{}", crawl_phase(c.phase), pace_words(c, now_ms))
        }
        CrawlState::Running => tr!(
            "crawl-running",
            done = c.done,
            total = c.total,
            noun = noun,
            pace = pace_words(c, now_ms)
        ),
        CrawlState::Interrupted | CrawlState::Cancelled => {
            tr!("crawl-stopped", done = c.done, total = c.total, noun = noun)
        }
        CrawlState::Finished => tr!("crawl-finished", done = c.done, noun = noun),
    }
}

fn state_class(s: CrawlState) -> &'static str {
    match s {
        CrawlState::NotStarted => "badge",
        CrawlState::Running => "badge run-state state-running",
        CrawlState::Interrupted | CrawlState::Cancelled => "badge run-state state-interrupted",
        CrawlState::Finished => "badge run-state state-finished",
    }
}

#[component]
pub(super) fn CrawlCard(
    product: Product,
    profile_id: String,
    overview: Memo<Option<InventoryOverview>>,
    /// Called after an action was taken, to read the overview again.
    on_acted: Callback<()>,
) -> impl IntoView {
    let ctx = use_ctx();
    let pid = StoredValue::new(profile_id);
    let crawl = Memo::new(move |_| overview.with(|o| o.as_ref().map(|o| o.crawl.clone())));
    let kinds = Memo::new(move |_| {
        overview.with(|o| o.as_ref().map(|o| o.kinds.clone()).unwrap_or_default())
    });
    let state =
        Memo::new(move |_| crawl.with(|c| c.as_ref().map_or(CrawlState::NotStarted, |c| c.state)));
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<CommandError>);
    let act = move |action: CrawlAction| {
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = backend::inventory_crawl(&pid.get_value(), action).await;
            ctx.crawl_poke.update(|n| *n = n.wrapping_add(1));
            // The page may be gone by now (the crawl goes on): then there is nothing to show.
            busy.try_set(false);
            if let Err(err) = result {
                error.try_set(Some(err));
            }
            on_acted.try_run(());
        });
    };
    let allows = move |action: CrawlAction| move || state.get().allows(action);
    let noun = targets_noun(product, 2);
    view! {
        <div class="card" data-testid="crawl">
            <div class="crawl-summary">
                <h2>{move || crawl.with(|c| c.as_ref().map(|c| tr!("crawl-title", profile = c.profile_name.clone())).unwrap_or_default())}</h2>
                <span class=move || state_class(state.get()) id="crawl-state">{move || crate::i18n::words::crawl_state(state.get())}</span>
            </div>
            {move || crawl.get().filter(|c| c.state == CrawlState::Running && c.phase != CrawlPhase::Idle).map(|c| view! {
                <p class="muted small" id="crawl-phase">{crawl_phase(c.phase)}</p>
            })}
            {move || crawl.get().filter(|c| c.total > 0).map(|c| {
                let pct = 100.0 * c.done.min(c.total) as f64 / c.total as f64;
                view! {
                    <div class="progress" role="progressbar" aria-label=tr!("crawl-progress-label") aria-valuemin="0"
                        aria-valuemax=c.total.to_string() aria-valuenow=c.done.to_string()>
                        <div class="progress-bar" style:width=format!("{pct:.1}%")></div>
                    </div>
                }
            })}
            <p id="crawl-progress" role="status">
                {move || crawl.get().map(|c| progress_text(&c, &noun, now_ms()))}
                {move || crawl.get().and_then(|c| {
                    let when = match c.state {
                        CrawlState::Finished => c.finished_at_ms.map(|t| format!(" {}", tr!("crawl-finished-at", at = clock(t), ago = ago(t)))),
                        _ => c.started_at_ms.map(|t| format!(" {}", tr!("crawl-started-at", at = clock(t)))),
                    }?;
                    Some(view! { <span class="muted">{when}</span> })
                })}
            </p>
            {move || crawl.get().and_then(|c| c.message).map(|m| view! { <p class="notice" id="crawl-message" role="alert">{crawl_stop(&m)}</p> })}
            <div class="form-actions">
                <Show when=allows(CrawlAction::Resume)>
                    <button type="button" class="btn btn-primary" id="crawl-resume" disabled=move || busy.get()
                        on:click=move |_| act(CrawlAction::Resume)>{tr!("crawl-resume")}</button>
                </Show>
                <Show when=allows(CrawlAction::Start)>
                    <button type="button" id="crawl-start" disabled=move || busy.get()
                        class=move || if state.get().allows(CrawlAction::Resume) { "btn" } else { "btn btn-primary" }
                        on:click=move |_| act(CrawlAction::Start)>
                        {move || match state.get() {
                            CrawlState::NotStarted => tr!("crawl-start"),
                            CrawlState::Finished => tr!("crawl-read-again"),
                            _ => tr!("crawl-start-over"),
                        }}
                    </button>
                </Show>
                <Show when=allows(CrawlAction::Cancel)>
                    <button type="button" class="btn" id="crawl-cancel" disabled=move || busy.get()
                        on:click=move |_| act(CrawlAction::Cancel)>{tr!("action-cancel")}</button>
                </Show>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert" id="crawl-error">{crate::i18n::error_text(&e)}</p> })}
            {move || {
                let list = kinds.get();
                (!list.is_empty()).then(|| view! { <Kinds list=list /> })
            }}
        </div>
    }
}

/// How much of each kind the inventory holds.
#[component]
fn Kinds(list: Vec<KindCount>) -> impl IntoView {
    view! {
        <table class="data kinds" data-testid="inventory-kinds">
            <caption class="sr-only">{tr!("crawl-kinds-caption")}</caption>
            <thead><tr><th scope="col">{tr!("crawl-kind")}</th><th scope="col">{tr!("crawl-known")}</th><th scope="col">{tr!("crawl-wiring-read")}</th><th scope="col">{tr!("crawl-oldest-read")}</th></tr></thead>
            <tbody>
                {list.into_iter().map(|k| view! {
                    <tr>
                        <td>{targets(k.kind)}</td>
                        <td>{count(k.known)}</td>
                        <td>{count(k.read)}</td>
                        <td title=k.oldest_read_ms.map(clock).unwrap_or_default()>{k.oldest_read_ms.map_or_else(|| "—".to_owned(), ago)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crawl(state: CrawlState) -> CrawlView {
        CrawlView {
            profile_id: "p".to_owned(),
            profile_name: "Acme".to_owned(),
            product: Product::Auth0,
            state,
            phase: CrawlPhase::Idle,
            done: 4210,
            total: 10_000,
            rate_per_minute: Some(98.0),
            eta_seconds: Some(600),
            started_at_ms: None,
            finished_at_ms: None,
            message: None,
        }
    }

    #[test]
    fn each_state_says_how_far_it_got_and_what_to_do() {
        assert_eq!(
            progress_text(&crawl(CrawlState::Running), "organizations", 0),
            "4,210 of 10,000 organizations read · 98/min · about 10 min left"
        );
        let stopped = progress_text(&crawl(CrawlState::Cancelled), "organizations", 0);
        assert!(
            stopped.starts_with("Stopped at 4,210 of 10,000 organizations"),
            "{stopped}"
        );
        assert!(stopped.contains("Resume"), "{stopped}");
        assert!(
            progress_text(&crawl(CrawlState::NotStarted), "auth modules", 0)
                .contains("auth modules")
        );
    }
}
