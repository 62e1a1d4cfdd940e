//! Bulk changes: one change on many organizations, identity providers or auth modules. Pick the
//! change, tick the targets (or all that match the filter), review the live plan as a table,
//! then run it at the API's pace with progress, pause, resume and cancel; retry what failed,
//! undo the whole run, export the results.

mod compare;
mod file_text;
mod groups;
mod like;
mod list;
mod new_run;
mod op_form;
mod plan_source;
mod run;
mod share;
mod target_table;

use lanyard_model::bulk::{RunState, RunSummary};
use leptos::prelude::*;

use crate::backend;
use crate::context::use_ctx;
use crate::load::use_load;
use crate::nav::Page;
use crate::tr;
pub use compare::ComparePage;
pub use like::MakeLikePage;
use new_run::NewRun;
use run::RunPanel;
use share::RateShareControl;

#[component]
pub fn BulkPage() -> impl IntoView {
    let ctx = use_ctx();
    // The run on screen; `None` shows the form for a new one.
    let run = RwSignal::new(None::<String>);
    // The runs on disk, read again when the run shown changes (one may have finished).
    let runs = use_load(move || {
        run.track();
        backend::bulk_runs()
    });
    let product = ctx.bulk_product;
    view! {
        <section class="page" aria-labelledby="page-title">
            {super::header(Page::Bulk)}
            {move || run.get().is_none().then(|| runs.status(tr!("what-bulk-runs")))}
            {move || {
                let list = runs.value().unwrap_or_default();
                (run.get().is_none() && !list.unreadable.is_empty()).then(|| view! {
                    <div class="notice" role="alert" data-testid="unreadable-runs">
                        <strong>{tr!("bulk-unreadable", n = list.unreadable.len(), folder = list.folder.clone())}</strong>
                        <p class="muted small">{tr!("bulk-unreadable-hint")}</p>
                        <ul class="plain">
                            {list.unreadable.into_iter().map(|u| view! {
                                <li data-file=u.file.clone()><span class="mono">{u.file.clone()}</span>": "{crate::i18n::journal_problem(&u.reason)}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            {move || {
                let open: Vec<RunSummary> = runs.value().unwrap_or_default().runs.into_iter().filter(|r| r.state.is_open()).collect();
                (run.get().is_none() && !open.is_empty()).then(|| view! {
                    <div class="notice" role="status" data-testid="open-runs">
                        <strong>{tr!("bulk-unfinished")}</strong>
                        <ul class="plain">
                            {open.into_iter().map(|r| {
                                let id = r.id.clone();
                                view! {
                                    <li>
                                        {tr!("bulk-open-run", summary = crate::i18n::run_title(&r.summary), state = state_label(r.state), done = r.counts.done + r.counts.skipped, total = r.counts.total)}
                                        " "
                                        <button type="button" class="btn btn-small" data-action="open-run" on:click=move |_| run.set(Some(id.clone()))>
                                            {if r.state == RunState::Interrupted { tr!("bulk-review-resume") } else { tr!("bulk-open") }}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            {move || match run.get() {
                Some(id) => view! { <RateShareControl run_id=id.clone() /> <RunPanel run_id=id on_close=Callback::new(move |_| run.set(None)) on_open=Callback::new(move |id| run.set(Some(id))) /> }.into_any(),
                None => view! {
                    {super::product_tabs("bulk", product)}
                    {move || {
                        let p = product.get();
                        match ctx.profile_for(p) {
                            None => super::no_profile(p).into_any(),
                            Some(profile) => {
                                // Targets an inventory answer handed over for this profile.
                                let handoff = ctx.bulk_handoff.get().filter(|h| h.product == p && h.profile_id == profile.id);
                                let on_planned = Callback::new(move |id| {
                                    run.set(Some(id));
                                    ctx.bulk_handoff.set(None);
                                });
                                match handoff {
                                    Some(h) => view! { <NewRun product=p profile_id=profile.id.clone() on_planned=on_planned handoff=h /> }.into_any(),
                                    None => view! { <NewRun product=p profile_id=profile.id.clone() on_planned=on_planned /> }.into_any(),
                                }
                            }
                        }
                    }}
                }.into_any(),
            }}
        </section>
    }
}

pub(super) fn state_label(s: RunState) -> String {
    match s {
        RunState::Planning => tr!("run-state-planning"),
        RunState::Ready => tr!("run-state-ready"),
        RunState::Running => tr!("run-state-running"),
        RunState::Paused => tr!("run-state-paused"),
        RunState::Cancelled => tr!("crawl-state-cancelled"),
        RunState::Finished => tr!("run-state-finished"),
        RunState::Interrupted => tr!("crawl-state-interrupted"),
    }
}
