//! A run of make like or of a copy, grouped by target: each target's changes named in a
//! sentence, destructive ones marked, with each item's status from the run's view.

use std::collections::HashMap;

use lanyard_model::CommandError;
use lanyard_model::bulk::{ItemPage, ItemStatus, MAX_PAGE, RunView};
use lanyard_model::compare::RunGroup;
use leptos::prelude::*;

use crate::backend;
use crate::backend::compare::bulk_groups;
use crate::time::sleep;
use crate::tr;

#[component]
pub(super) fn PlanByTarget(run_id: String) -> impl IntoView {
    let id = StoredValue::new(run_id);
    let groups = RwSignal::new(None::<Result<Vec<RunGroup>, String>>);
    let statuses = RwSignal::new(HashMap::<usize, ItemStatus>::new());
    let alive = StoredValue::new(true);
    on_cleanup(move || alive.set_value(false));
    leptos::task::spawn_local(async move {
        while alive.try_get_value().unwrap_or(false) {
            let v = every_status(&id.get_value()).await;
            if !alive.try_get_value().unwrap_or(false) {
                break;
            }
            let mut planning = true;
            if let Ok((v, now)) = v {
                planning = v.state == lanyard_model::bulk::RunState::Planning;
                statuses.set(now);
                let over = v.state.is_over();
                if !planning && groups.with_untracked(|g| !matches!(g, Some(Ok(_)))) {
                    let g = bulk_groups(&id.get_value())
                        .await
                        .map_err(|e| crate::i18n::error_text(&e));
                    groups.set(Some(g));
                }
                if over {
                    sleep(2_000).await;
                    continue;
                }
            }
            sleep(if planning { 400 } else { 800 }).await;
        }
    });
    view! {
        <div class="card" data-testid="plan-by-target">
            <h2 id="plan-groups-title">{tr!("groups-title")}</h2>
            {move || match groups.get() {
                None => view! { <p class="muted" role="status">{tr!("bulk-planning")}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="error" role="alert">{tr!("groups-failed", cause = e)}</p> }.into_any(),
                Some(Ok(gs)) if gs.is_empty() => view! { <p class="notice notice-ok" id="plan-nothing">{tr!("groups-nothing")}</p> }.into_any(),
                Some(Ok(gs)) => view! {
                    <p class="muted" id="plan-groups-count">{tr!("groups-count", changes = gs.iter().map(|g| g.items.len()).sum::<usize>(), targets = gs.len())}</p>
                    <div class="table-scroll">
                        <table class="data" data-testid="plan-groups" aria-labelledby="plan-groups-title">
                            <thead><tr><th scope="col">{tr!("col-target")}</th><th scope="col">{tr!("activity-change")}</th><th scope="col">{tr!("groups-status")}</th></tr></thead>
                            {gs.into_iter().map(|g| {
                                let n = g.items.len();
                                view! {
                                    <tbody data-target=g.target_id.clone()>
                                        {g.items.into_iter().enumerate().map(|(i, item)| {
                                            let index = item.index;
                                            view! {
                                                <tr data-item=crate::i18n::label(&item.item) class:destructive=item.destructive>
                                                    {(i == 0).then(|| view! { <td class="group-target" rowspan=n.to_string()><strong>{g.target_name.clone()}</strong><div class="muted small mono">{g.target_id.clone()}</div></td> })}
                                                    <td>{item.change.as_ref().map(crate::i18n::change_summary)}{item.destructive.then(|| view! { " "<span class="badge badge-prod">{tr!("groups-removes")}</span> })}</td>
                                                    <td>{move || statuses.with(|s| s.get(&index).map(|st| crate::i18n::words::item_status(*st)).unwrap_or_else(|| "—".to_owned()))}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                }
                            }).collect_view()}
                        </table>
                    </div>
                }.into_any(),
            }}
        </div>
    }
}

/// The run, and the status of each of its items by index, read a page at a time (a run of make
/// like or of a copy has a few items per target).
async fn every_status(run_id: &str) -> Result<(RunView, HashMap<usize, ItemStatus>), CommandError> {
    let mut statuses = HashMap::new();
    let mut offset = 0;
    loop {
        let page = ItemPage {
            offset,
            limit: MAX_PAGE,
            ..ItemPage::default()
        };
        let v = backend::bulk_view(run_id, page).await?;
        offset += v.items.len();
        statuses.extend(v.items.iter().map(|i| (i.index, i.status)));
        if v.items.is_empty() || offset >= v.matching {
            return Ok((v, statuses));
        }
    }
}
