//! A run: its plan, progress and results, with the controls its state allows (the model's rule),
//! and the typed confirmation a production run asks for before anything is sent.

use std::ops::Range;

use lanyard_model::bulk::{
    Counts, ItemFilter, ItemPage, ItemStatus, ItemView, MAX_PAGE, RunAction, RunState, RunView,
    WarningGroup,
};
use lanyard_model::{CommandError, TargetState};
use leptos::prelude::*;

use super::state_label;
use crate::backend;
use crate::components::download::save;
use crate::components::modal::ConfirmDialog;
use crate::components::paged_rows::PagedRows;
use crate::components::warnings::{item_warnings, plan_summary};
use crate::components::windowed_table::{WindowedTable, aria_row};
use crate::context::use_ctx;
use crate::time::{clock, eta, sleep};
use crate::tr;

/// Rows of the results table read at a time.
const ROWS: usize = 100;

/// A run: its plan, progress and results, with the controls its state allows.
#[component]
pub(super) fn RunPanel(
    run_id: String,
    on_close: Callback<()>,
    on_open: Callback<String>,
    /// The back button's words; "← New bulk change" unless a page says otherwise.
    #[prop(optional)]
    #[prop(into)]
    back_label: Option<String>,
) -> impl IntoView {
    let ctx = use_ctx();
    let id = StoredValue::new(run_id);
    let view_ = RwSignal::new(None::<Result<RunView, CommandError>>);
    let alive = StoredValue::new(true);
    let busy = RwSignal::new(false);
    let show = RwSignal::new(ItemFilter::All);
    // The rows read so far, a page at a time: only those on screen cross from Rust.
    let rows = PagedRows::<ItemView>::new(ROWS, 8);
    let window = StoredValue::new(0..ROWS);
    // Every item's warnings, read once the plan is done, for the plan's summary.
    let plan_warnings = RwSignal::new(None::<Vec<WarningGroup>>);
    // The rows whose warnings are open, by index: the table is drawn again at every poll.
    let opened = RwSignal::new(std::collections::BTreeSet::<usize>::new());
    let confirm_open = RwSignal::new(false);
    // What the confirmation dialog is for: Start, or a Resume or Retry needing the host name.
    let confirming = RwSignal::new(RunAction::Start);
    on_cleanup(move || alive.set_value(false));
    // Reads the run and `pages` pages of its rows from page `first`; an answer for a "Show"
    // choice left meanwhile is dropped.
    let load = move |first: usize, pages: usize| async move {
        let filter = show.get_untracked();
        let page = ItemPage {
            filter,
            offset: first * ROWS,
            limit: (pages * ROWS).min(MAX_PAGE),
            // Asked for once the plan is done (they do not change after).
            warnings: plan_warnings.with_untracked(Option::is_none)
                && view_
                    .with_untracked(|v| matches!(v, Some(Ok(v)) if v.state != RunState::Planning)),
        };
        let got = backend::bulk_view(&id.get_value(), page).await;
        if !alive.try_get_value().unwrap_or(false) || show.get_untracked() != filter {
            return false;
        }
        match got {
            Ok(mut v) => {
                let mut items = std::mem::take(&mut v.items).into_iter();
                for n in first..first + pages {
                    rows.put(n, items.by_ref().take(ROWS).collect());
                }
                if v.state != RunState::Planning
                    && let Some(w) = v.warnings.take()
                {
                    plan_warnings.set(Some(w));
                }
                let moving = matches!(v.state, RunState::Planning | RunState::Running);
                view_.set(Some(Ok(v)));
                moving
            }
            Err(err) => {
                view_.set(Some(Err(err)));
                false
            }
        }
    };
    // Poll while the panel is shown: the runner works in the background. Each poll carries the
    // counts and the rows on screen.
    leptos::task::spawn_local(async move {
        while alive.try_get_value().unwrap_or(false) {
            let on_screen = window.get_value();
            let first = on_screen.start / ROWS;
            let last = on_screen.end.saturating_sub(1).max(on_screen.start) / ROWS;
            let moving = load(first, (last - first + 1).min(MAX_PAGE / ROWS)).await;
            // Only a run being read or sent moves by itself; one that waits for the user (ready,
            // paused, interrupted) or is over is read less often.
            sleep(if moving { 400 } else { 2_000 }).await;
        }
    });
    // Rows scrolled to that have not been read are read at once.
    let on_window = Callback::new(move |range: Range<usize>| {
        window.set_value(range.clone());
        rows.show(range, |n| {
            leptos::task::spawn_local(async move {
                if !load(n, 1).await {
                    rows.failed(n);
                }
            });
            true
        });
    });
    let choose = move |filter: ItemFilter| {
        show.set(filter);
        rows.start(Vec::new());
        leptos::task::spawn_local(async move {
            load(0, 1).await;
        });
    };
    let act = move |action: RunAction, confirm: Option<String>| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = backend::bulk_control(&id.get_value(), action, confirm.as_deref()).await;
            busy.set(false);
            match result {
                Ok(v) => {
                    // The reply has no rows: those shown stay until the next poll.
                    view_.set(Some(Ok(v)));
                    ctx.refresh.update(|n| *n += 1);
                }
                // The run asks for the typed host name now (e.g. the profile became production):
                // show the run as it stands and ask.
                Err(CommandError::ConfirmationRequired { .. }) => {
                    view_.set(Some(
                        backend::bulk_view(&id.get_value(), ItemPage::none()).await,
                    ));
                    confirming.set(action);
                    confirm_open.set(true);
                }
                Err(err) => ctx.toasts.error(crate::i18n::error_text(&err)),
            }
        });
    };
    // Start always asks; Resume and Retry ask only while the run needs the typed host name.
    let ask = move |action: RunAction, needs_typing: bool| {
        if action == RunAction::Start || needs_typing {
            confirming.set(action);
            confirm_open.set(true);
        } else {
            act(action, None);
        }
    };
    let undo = move || {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = backend::bulk_undo(&id.get_value()).await;
            busy.set(false);
            match result {
                Ok(new_id) => on_open.run(new_id),
                Err(err) => ctx.toasts.error(crate::i18n::error_text(&err)),
            }
        });
    };
    let export = move || {
        leptos::task::spawn_local(async move {
            match backend::bulk_export(&id.get_value()).await {
                Ok(text) => {
                    let name = format!("lanyard-{}.csv", id.get_value());
                    save(ctx.toasts, &name, &text, "text/csv").await;
                }
                Err(err) => ctx.toasts.error(crate::i18n::error_text(&err)),
            }
        });
    };
    let has_items = Memo::new(move |_| view_.with(|v| matches!(v, Some(Ok(_)))));
    // What the confirmation dialog reads of the run, without its items.
    let current = Memo::new(move |_| {
        view_.with(|v| match v {
            Some(Ok(v)) => Some(Asked {
                summary: crate::i18n::run_title(&v.summary),
                counts: v.counts,
                destructive: v.destructive,
                confirm_with: v.confirm_with.clone(),
            }),
            _ => None,
        })
    });
    view! {
        <div class="run" data-testid="bulk-run">
            <div class="table-tools">
                <button type="button" class="btn" id="bulk-back" on:click=move |_| on_close.run(())>{back_label.unwrap_or_else(|| tr!("run-back"))}</button>
            </div>
            // Read in place: a run of 10,000 items is not copied at each poll.
            {move || view_.with(|got| match got {
                None => view! { <p class="muted" role="status">{tr!("run-loading")}</p> }.into_any(),
                Some(Err(err)) => view! { <p class="error" role="alert">{crate::i18n::error_text(err)}</p> }.into_any(),
                Some(Ok(v)) => {
                    let c = v.counts;
                    let needs_typing = v.confirm_with.is_some();
                    let to_write = c.to_write().max(1);
                    let (value, max) = if v.state == RunState::Planning { (v.planned, c.total.max(1)) } else { (c.tried(), to_write) };
                    let pct = 100.0 * value as f64 / max as f64;
                    view! {
                        <div class="card">
                            <h2 id="run-summary">{crate::i18n::run_title(&v.summary)}</h2>
                            <p>
                                <span class=format!("badge run-state state-{}", format!("{:?}", v.state).to_lowercase()) id="run-state">{state_label(v.state)}</span>
                                " "<span class="muted">{tr!("run-planned-on", at = v.created.replace('T', " ").chars().take(16).collect::<String>(), profile = v.profile_name.clone())}</span>
                            </p>
                            <div class="progress" role="progressbar" aria-label=tr!("run-progress") aria-valuemin="0" aria-valuemax=max.to_string() aria-valuenow=value.to_string()>
                                // The CSP allows no inline style attribute; a CSSOM property is fine.
                                // Only a running bar slides: from planned to ready the bar starts over at 0, at once.
                                <div class="progress-bar" class:still=v.state != RunState::Running style:width=format!("{pct:.1}%")></div>
                            </div>
                            <p id="run-counts" role="status">
                                {if v.state == RunState::Planning {
                                    tr!("run-reading", done = v.planned, total = c.total)
                                } else {
                                    format!("{}{}{}", tr!("run-counts", done = c.done, total = c.to_write(), failed = c.failed, skipped = c.skipped),
                                        if c.unknown > 0 { format!(" · {}", tr!("run-unknown", n = c.unknown)) } else { String::new() },
                                        if c.not_sent > 0 { format!(" · {}", tr!("run-not-sent", n = c.not_sent)) } else { String::new() })
                                }}
                                {v.rate_per_minute.map(|r| format!(" · {}", tr!("run-rate", rate = r.round())))}
                                {v.eta_seconds.map(|s| format!(" · {}", tr!("crawl-line-left", eta = eta(s))))}
                            </p>
                            {v.planned_from_inventory_ms.map(|ms| view! {
                                <p class="muted" id="run-source">{tr!("run-from-inventory", at = clock(ms))}</p>
                            })}
                            {v.note.as_ref().map(crate::i18n::run_note).map(|n| view! { <p class=if v.state == RunState::Finished && c.failed + c.unknown == 0 { "notice notice-ok" } else { "notice" } id="run-note">{n}</p> })}
                            <div class="form-actions">
                                {v.offers(RunAction::Start).then(|| view! {
                                    <button type="button" class=if v.destructive { "btn btn-danger" } else { "btn btn-primary" } id="run-start" disabled=move || busy.get()
                                        on:click=move |_| ask(RunAction::Start, true)>{tr!("run-start", n = c.pending)}</button>
                                })}
                                {v.offers(RunAction::Pause).then(|| view! {
                                    <button type="button" class="btn" id="run-pause" disabled=move || busy.get() on:click=move |_| act(RunAction::Pause, None)>{tr!("run-pause")}</button>
                                })}
                                {v.offers(RunAction::Resume).then(|| view! {
                                    <button type="button" class="btn btn-primary" id="run-resume" disabled=move || busy.get() on:click=move |_| ask(RunAction::Resume, needs_typing)>{tr!("crawl-resume")}</button>
                                })}
                                {v.offers(RunAction::Cancel).then(|| view! {
                                    <button type="button" class="btn" id="run-cancel" disabled=move || busy.get() on:click=move |_| act(RunAction::Cancel, None)>{if v.state == RunState::Ready { tr!("run-discard") } else { tr!("action-cancel") }}</button>
                                })}
                                {v.offers(RunAction::RetryFailed).then(|| view! {
                                    <button type="button" class="btn" id="run-retry" disabled=move || busy.get() on:click=move |_| ask(RunAction::RetryFailed, needs_typing)>{tr!("run-retry", n = c.retryable())}</button>
                                })}
                                {v.offers(RunAction::Undo).then(|| view! {
                                    <button type="button" class="btn" id="run-undo" disabled=move || busy.get() on:click=move |_| undo()>{tr!("run-undo", n = v.undoable)}</button>
                                })}
                                <button type="button" class="btn" id="run-export" on:click=move |_| export()>{tr!("export-csv")}</button>
                            </div>
                        </div>
                        {move || plan_warnings.with(|w| w.as_ref().and_then(|groups| plan_summary(
                            groups.iter().flat_map(|g| std::iter::repeat_n(g.warnings.as_slice(), g.items)))))}
                        <div class="table-tools">
                            <label for="run-show">{tr!("run-show")}</label>
                            <select id="run-show" prop:value=move || filter_value(show.get()) on:change=move |ev| choose(filter_named(&event_target_value(&ev)))>
                                <option value="all">{tr!("run-show-all", n = c.total)}</option>
                                <option value="done">{tr!("run-show-done", n = c.done)}</option>
                                <option value="failed">{tr!("run-show-failed", n = c.retryable())}</option>
                                <option value="skipped">{tr!("run-show-skipped", n = c.skipped)}</option>
                                <option value="pending">{tr!("run-show-pending", n = c.pending + c.not_sent)}</option>
                                {(v.warned > 0).then(|| view! { <option value="warnings">{tr!("run-show-warnings", n = v.warned)}</option> })}
                            </select>
                        </div>
                    }.into_any()
                }
            })}
            {move || has_items.get().then(|| view! {
                <WindowedTable testid="bulk-results" label=tr!("run-items") head=head()
                    count=Signal::derive(move || view_.with(|v| match v { Some(Ok(v)) => v.matching, _ => 0 }))
                    row=move |n| rows.with_row(n, |i| item_row(n, i, opened))
                    on_window=on_window />
            })}
            <ConfirmDialog open=confirm_open
                title=Signal::derive(move || current.get().map(|v| v.summary).unwrap_or_default())
                confirm_label=Signal::derive(move || current.get().map(|v| match confirming.get() {
                    RunAction::Resume => tr!("crawl-resume"),
                    RunAction::RetryFailed => tr!("run-retry", n = v.counts.retryable()),
                    _ => tr!("run-start", n = v.counts.pending),
                }).unwrap_or_default())
                danger=Signal::derive(move || current.get().is_some_and(|v| v.destructive))
                require_typed=Signal::derive(move || current.get().and_then(|v| v.confirm_with))
                busy=busy
                on_confirm=Callback::new(move |_| {
                    confirm_open.set(false);
                    // The dialog's button works only once the name typed matches.
                    let typed = current.get().and_then(|v| v.confirm_with);
                    act(confirming.get_untracked(), typed);
                })>
                <p>{move || current.get().map(|v| match confirming.get() {
                    RunAction::Start => tr!("run-confirm-start", n = v.counts.pending, skipped = v.counts.skipped),
                    RunAction::RetryFailed => tr!("run-confirm-retry", n = v.counts.retryable()),
                    _ => tr!("run-confirm-resume", n = v.counts.pending),
                })}</p>
                <p class="muted">{tr!("run-journal-note")}</p>
            </ConfirmDialog>
        </div>
    }
}

/// What the confirmation dialog reads of the run.
#[derive(Debug, Clone, PartialEq)]
struct Asked {
    summary: String,
    counts: Counts,
    destructive: bool,
    confirm_with: Option<String>,
}

/// The results table's column headers.
fn head() -> Vec<String> {
    vec![
        tr!("col-target"),
        tr!("run-before"),
        tr!("run-planned"),
        tr!("run-warnings"),
        tr!("run-result"),
        tr!("activity-correlation-id"),
    ]
}

/// Row `n` of the results table: item `i`, its warnings opened when `opened` says so.
fn item_row(
    n: usize,
    i: &ItemView,
    opened: RwSignal<std::collections::BTreeSet<usize>>,
) -> impl IntoView + use<> {
    let index = i.index;
    let before = words(i.current.as_ref());
    let planned = if i.status == ItemStatus::Skipped {
        tr!("run-already-so")
    } else {
        words(i.planned.as_ref())
    };
    let correlation = i.correlation_id.clone().unwrap_or_default();
    let note = i.message.as_ref().map(crate::i18n::item_note);
    let (before_title, planned_title, correlation_title) =
        (before.clone(), planned.clone(), correlation.clone());
    // A cut cell is read whole in its title.
    view! {
        <tr aria-rowindex=aria_row(n) data-status=format!("{:?}", i.status).to_lowercase() data-target=i.target_id.clone()>
            <td title=i.target_name.clone()>{i.target_name.clone()}<div class="muted small mono">{i.target_id.clone()}</div></td>
            <td title=before_title>{before}</td>
            <td title=planned_title>{planned}</td>
            <td class="warnings-cell">{
                item_warnings(&i.warnings, Signal::derive(move || opened.with(|o| o.contains(&index))),
                    Callback::new(move |()| opened.update(|o| if !o.remove(&index) { o.insert(index); })))
            }</td>
            <td title=note.clone().unwrap_or_default()><span class=status_class(i.status)>{crate::i18n::words::item_status(i.status)}</span>
                {note.clone().map(|m| view! { <div class="muted small">{m}</div> })}</td>
            <td class="mono small" title=correlation_title>{correlation}</td>
        </tr>
    }
}

/// A target's state in words; a dash while it has not been read.
fn words(state: Option<&TargetState>) -> String {
    state.map_or_else(|| "—".to_owned(), crate::i18n::target_state)
}

/// The `<select>`'s value of a "Show" choice.
fn filter_value(filter: ItemFilter) -> &'static str {
    match filter {
        ItemFilter::All => "all",
        ItemFilter::Warnings => "warnings",
        ItemFilter::Done => "done",
        ItemFilter::Failed => "failed",
        ItemFilter::Skipped => "skipped",
        ItemFilter::Pending => "pending",
    }
}

/// The "Show" choice of the `<select>`'s value.
fn filter_named(value: &str) -> ItemFilter {
    [
        ItemFilter::Warnings,
        ItemFilter::Done,
        ItemFilter::Failed,
        ItemFilter::Skipped,
        ItemFilter::Pending,
    ]
    .into_iter()
    .find(|f| filter_value(*f) == value)
    .unwrap_or(ItemFilter::All)
}

fn status_class(s: ItemStatus) -> &'static str {
    match s {
        ItemStatus::Done => "badge badge-ok",
        ItemStatus::Failed | ItemStatus::Unknown => "badge badge-prod",
        ItemStatus::Skipped | ItemStatus::NotSent => "badge badge-off",
        ItemStatus::Pending | ItemStatus::Sending => "badge",
    }
}
