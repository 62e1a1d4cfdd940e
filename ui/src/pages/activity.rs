//! Activity: every change Lanyard made (the audit log), newest first, with a filter and export.

use lanyard_model::audit::{ExportFormat, Outcome};
use leptos::prelude::*;

use crate::backend::{self, ActivityView};
use crate::components::download::save;
use crate::context::use_ctx;
use crate::load::use_load;
use crate::nav::Page;

#[component]
pub fn ActivityPage() -> impl IntoView {
    let ctx = use_ctx();
    let data = use_load(move || {
        ctx.refresh.track();
        backend::activity_list()
    });
    let filter = RwSignal::new(String::new());
    let export = move |format: ExportFormat| {
        leptos::task::spawn_local(async move {
            match backend::activity_export(format).await {
                Ok(text) => {
                    let name = format!("lanyard-activity.{}", format.extension());
                    save(ctx.toasts, &name, &text, format.mime()).await;
                }
                Err(err) => ctx.toasts.error(err.to_string()),
            }
        });
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            {super::header(Page::Activity)}
            <div class="table-tools">
                <input type="search" id="activity-filter" placeholder="Filter by profile, operation, target or outcome" aria-label="Filter activity"
                    prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
                <span class="topbar-spacer"></span>
                <button type="button" class="btn" id="export-csv" on:click=move |_| export(ExportFormat::Csv)>"Export CSV"</button>
                <button type="button" class="btn" id="export-json" on:click=move |_| export(ExportFormat::Json)>"Export JSON"</button>
            </div>
            {data.view("the activity log", move |v: ActivityView| match v {
                v if v.entries.is_empty() && v.skipped_lines == 0 => view! { <div class="empty-state"><p>"No change has been made yet."</p><p class="muted">{format!("The log is kept in {}", v.path)}</p></div> }.into_any(),
                v => {
                    let f = filter.get().to_lowercase();
                    view! {
                        {(v.skipped_lines > 0).then(|| view! { <p class="notice" id="activity-skipped" role="status">{format!("{} unreadable line{} skipped: cut short by a crash, or not text. The rest of the log is shown; the file {} is left as it is.", v.skipped_lines, if v.skipped_lines == 1 { "" } else { "s" }, v.path)}</p> })}
                        <table class="data" data-testid="activity">
                            <thead><tr><th>"Time"</th><th>"Profile"</th><th>"Change"</th><th>"Target"</th><th>"Outcome"</th><th>"Correlation id"</th></tr></thead>
                            <tbody>
                                {v.entries.into_iter().filter(|e| {
                                    f.is_empty() || format!("{} {} {} {} {}", e.profile_name, e.operation, e.outcome, e.product, e.targets.iter().map(|t| t.name.clone().unwrap_or_default()).collect::<Vec<_>>().join(" ")).to_lowercase().contains(&f)
                                }).map(|e| {
                                    let targets = e.targets.iter().map(|t| t.name.clone().unwrap_or_else(|| t.id.clone())).collect::<Vec<_>>().join(" · ");
                                    let ok = e.outcome == Outcome::Success;
                                    view! {
                                        <tr>
                                            <td class="mono">{e.time.replace('T', " ").trim_end_matches('Z').to_owned()}</td>
                                            <td>{e.profile_name.clone()}</td>
                                            <td>{e.operation.replace('_', " ")}</td>
                                            <td>{targets}</td>
                                            <td><span class=if ok { "badge badge-ok" } else { "badge badge-prod" }>{e.outcome.as_str()}</span>
                                                {e.message.clone().map(|m| view! { <div class="muted small">{m}</div> })}</td>
                                            <td class="mono small">{e.correlation_id.clone().unwrap_or_default()}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }
            })}
        </section>
    }
}
