//! The crawl's progress on every page: a compact line in the top bar while a crawl runs ("Inventory:
//! reading Acme Prod 4,210 of 10,000 · 98/min · about 1 h left"), or one that stopped part-way,
//! and the inventory's problem if it has one; each opens the Inventory page. The line polls the
//! crawls every second while one runs and every few seconds otherwise, into `Ctx::crawls`.
//! It is a chunk (`crate::lazy`), fetched a moment after the start: reading a crawl's state
//! takes every stop cause's and error's decoder, which the first screen does not otherwise need.

use std::sync::atomic::{AtomicBool, Ordering};

use lanyard_model::inventory::{CrawlPhase, CrawlState, CrawlView, InventoryStatus};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::backend;
use crate::context::{Ctx, use_ctx};
use crate::i18n::words::crawl_phase;
use crate::lazy::{self, Arrived, Waiting};
use crate::nav::Page;
use crate::time::{eta, now_ms, sleep};
use crate::tr;

/// How often the crawls are polled while one runs, and otherwise (milliseconds).
const RUNNING_POLL_MS: i32 = 1_000;
const IDLE_POLL_MS: i32 = 5_000;
const POLL_STEP_MS: i32 = 250;

/// How long a crawl runs before its rate and time left are shown: over its first seconds the
/// rate measures the bucket's burst, not the pace it will keep ("31,010/min · about 1 s left").
const PACE_AFTER_MS: i64 = 10_000;

/// "4,210 of 10,000 · 98/min · about 1 h 2 min left"; the phase while nothing is counted yet.
pub fn progress_words(c: &CrawlView, now_ms: i64) -> String {
    let counted = if c.total == 0 {
        match c.phase {
            CrawlPhase::Idle => tr!("crawl-line-starting"),
            phase => crawl_phase(phase).to_lowercase(),
        }
    } else {
        tr!("crawl-line-of", done = c.done, total = c.total)
    };
    format!("{counted}{}", pace_words(c, now_ms))
}

/// " · 98/min · about 1 h left" while a crawl runs, once it has run long enough for the rate to
/// mean its pace; what of it is known.
pub fn pace_words(c: &CrawlView, now_ms: i64) -> String {
    let mut words = String::new();
    if c.started_at_ms
        .is_some_and(|t| now_ms.saturating_sub(t) < PACE_AFTER_MS)
    {
        return words;
    }
    if let Some(rate) = c.rate_per_minute.filter(|r| r.is_finite() && *r > 0.0) {
        words.push_str(&format!(
            " · {}",
            tr!("crawl-line-rate", rate = rate.round())
        ));
    }
    if let Some(secs) = c.eta_seconds.filter(|_| c.state == CrawlState::Running) {
        words.push_str(&format!(" · {}", tr!("crawl-line-left", eta = eta(secs))));
    }
    words
}

/// A profile's name cut to fit the top bar: "Acme Production EU (the old …".
fn short_name(name: &str) -> String {
    const MAX: usize = 32;
    if name.chars().count() <= MAX {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// What the top bar says of a crawl, if anything: a running one, or one that stopped part-way.
/// (The whole name is in the button's title.)
fn line_for(c: &CrawlView, now_ms: i64) -> Option<String> {
    let name = short_name(&c.profile_name);
    match c.state {
        CrawlState::Running => Some(tr!(
            "crawl-line-running",
            name = name,
            progress = progress_words(c, now_ms)
        )),
        CrawlState::Interrupted => Some(tr!(
            "crawl-line-stopped",
            name = name,
            done = c.done,
            total = c.total
        )),
        _ => None,
    }
}

/// The crawl the top bar shows: the first running one, else the first interrupted one.
fn shown(status: &InventoryStatus) -> Option<&CrawlView> {
    status
        .crawls
        .iter()
        .find(|c| c.state == CrawlState::Running)
        .or_else(|| {
            status
                .crawls
                .iter()
                .find(|c| c.state == CrawlState::Interrupted)
        })
}

/// Opens the Inventory page on `crawl`'s profile.
fn open_inventory(ctx: Ctx, crawl: Option<&CrawlView>) {
    if let Some(c) = crawl {
        ctx.inventory_product.set(c.product);
        let (product, id) = (c.product, c.profile_id.clone());
        ctx.chosen.update(|chosen| {
            chosen.insert(product, id);
        });
    }
    ctx.page.set(Page::Inventory);
}

/// Polls the crawls into `ctx.crawls` for as long as the app runs.
fn poll(ctx: Ctx) {
    leptos::task::spawn_local(async move {
        loop {
            let Some(poke) = ctx.crawl_poke.try_get_untracked() else {
                return;
            };
            let running = match backend::inventory_status().await {
                Ok(status) => {
                    let running = status.crawls.iter().any(|c| c.state == CrawlState::Running);
                    if ctx
                        .crawls
                        .try_with_untracked(|c| c.as_ref() != Some(&status))
                        == Some(true)
                    {
                        ctx.crawls.set(Some(status));
                    }
                    running
                }
                // Said where it matters (the Inventory page loads the same); the line stays.
                Err(_) => false,
            };
            let wait = if running {
                RUNNING_POLL_MS
            } else {
                IDLE_POLL_MS
            };
            let mut waited = 0;
            while waited < wait {
                sleep(POLL_STEP_MS).await;
                waited += POLL_STEP_MS;
                if ctx.crawl_poke.try_get_untracked() != Some(poke) {
                    break;
                }
            }
        }
    });
}

/// How long after the start the line's chunk is fetched: after the first page is drawn, so
/// the start fetches and compiles only the main module.
const LOAD_AFTER_MS: i32 = 1_000;

/// Set once the line's chunk is due; the frame drawn again (in another language) shows the
/// line at once.
static DUE: AtomicBool = AtomicBool::new(false);

/// The line, once its chunk is in; nothing before (no crawl has been polled yet).
pub fn crawl_line() -> AnyView {
    let due = RwSignal::new(DUE.load(Ordering::Relaxed));
    if !due.get_untracked() {
        leptos::task::spawn_local(async move {
            sleep(LOAD_AFTER_MS).await;
            DUE.store(true, Ordering::Relaxed);
            due.try_set(true);
        });
    }
    (move || due.get().then(|| lazy::show(line_chunk(), Waiting::Quiet))).into_any()
}

#[wasm_split(crawl_line, wasm_split_path = ::leptos::wasm_split, fallible)]
fn line_chunk() -> Arrived {
    Ok(view! { <CrawlLine /> }.into_any())
}

#[component]
fn CrawlLine() -> impl IntoView {
    let ctx = use_ctx();
    poll(ctx);
    let crawl = Memo::new(move |_| ctx.crawls.with(|s| s.as_ref().and_then(shown).cloned()));
    let problem = Memo::new(move |_| {
        ctx.crawls
            .with(|s| s.as_ref().and_then(|s| s.problem.clone()))
    });
    view! {
        {move || crawl.get().and_then(|c| {
            let text = line_for(&c, now_ms())?;
            let state = format!("{:?}", c.state).to_lowercase();
            let title = tr!("crawl-line-title", name = c.profile_name.clone());
            Some(view! {
                <button type="button" class="crawl-line" id="crawl-line" data-state=state title=title
                    on:click=move |_| open_inventory(ctx, crawl.get_untracked().as_ref())>
                    <span class="crawl-dot" aria-hidden="true"></span>
                    <span class="crawl-text">{text}</span>
                </button>
            })
        })}
        {move || problem.get().map(|p| view! {
            <button type="button" class="crawl-line crawl-problem" id="inventory-problem"
                title=tr!("crawl-line-problem-title", problem = crate::i18n::records::inventory_problem(&p))
                on:click=move |_| open_inventory(ctx, None)>
                {tr!("crawl-line-problem")}
            </button>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lanyard_model::Product;
    use lanyard_model::inventory::Targets;

    fn crawl(state: CrawlState) -> CrawlView {
        CrawlView {
            profile_id: "p".to_owned(),
            profile_name: "Acme Prod".to_owned(),
            product: Product::Auth0,
            state,
            phase: CrawlPhase::Reading(Targets::Organizations),
            done: 4210,
            total: 10_000,
            rate_per_minute: Some(98.4),
            eta_seconds: Some(3600),
            started_at_ms: None,
            finished_at_ms: None,
            message: None,
        }
    }

    #[test]
    fn a_running_crawl_reads_its_progress_rate_and_time_left() {
        assert_eq!(
            line_for(&crawl(CrawlState::Running), 0).as_deref(),
            Some("Inventory: reading Acme Prod 4,210 of 10,000 · 98/min · about 1 h left")
        );
    }

    #[test]
    fn a_crawl_that_stopped_says_how_far_it_got_and_a_finished_one_says_nothing() {
        assert_eq!(
            line_for(&crawl(CrawlState::Interrupted), 0).as_deref(),
            Some("Inventory: reading Acme Prod stopped at 4,210 of 10,000")
        );
        assert_eq!(line_for(&crawl(CrawlState::Finished), 0), None);
        assert_eq!(line_for(&crawl(CrawlState::Cancelled), 0), None);
    }

    #[test]
    fn a_long_profile_name_is_cut_to_fit_the_top_bar() {
        let mut c = crawl(CrawlState::Running);
        c.profile_name = "Acme Production Europe, the tenant of every subsidiary".to_owned();
        let line = line_for(&c, 0).unwrap_or_default();
        assert!(
            line.starts_with("Inventory: reading Acme Production Europe, the ten… 4,210"),
            "{line}"
        );
    }

    #[test]
    fn before_anything_is_counted_the_phase_is_said() {
        let mut c = crawl(CrawlState::Running);
        c.total = 0;
        c.rate_per_minute = None;
        c.eta_seconds = None;
        c.phase = CrawlPhase::Listing(Targets::Organizations);
        assert_eq!(progress_words(&c, 0), "listing organizations");
    }

    #[test]
    fn the_pace_is_said_once_the_burst_is_over() {
        let mut c = crawl(CrawlState::Running);
        c.started_at_ms = Some(100_000);
        c.rate_per_minute = Some(31_010.0);
        c.eta_seconds = Some(1);
        assert_eq!(progress_words(&c, 105_000), "4,210 of 10,000");
        c.rate_per_minute = Some(98.0);
        c.eta_seconds = Some(600);
        assert_eq!(
            progress_words(&c, 130_000),
            "4,210 of 10,000 · 98/min · about 10 min left"
        );
    }
}
