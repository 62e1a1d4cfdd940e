//! What changed outside Lanyard: differences a re-read found that Lanyard did not make (another
//! admin, a script, the vendor's dashboard), newest first.

use lanyard_model::inventory::{InventoryOverview, OutsideChangeView};
use leptos::prelude::*;

use crate::time::{ago, clock};
use crate::tr;

/// At most this many are shown; the rest are counted.
const SHOWN: usize = 200;

#[component]
pub(super) fn OutsideChanges(overview: Memo<Option<InventoryOverview>>) -> impl IntoView {
    let list = Memo::new(move |_| {
        overview.with(|o| {
            o.as_ref()
                .map(|o| o.changed_outside.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <div class="card" data-testid="changed-outside-card">
            <h2 id="changed-outside-title">{tr!("outside-title")}</h2>
            {move || {
                let all = list.get();
                if all.is_empty() {
                    return view! {
                        <p class="muted" id="changed-outside-none">{tr!("outside-none")}</p>
                    }.into_any();
                }
                let hidden = all.len().saturating_sub(SHOWN);
                view! {
                    <div class="table-scroll">
                        <table class="data" data-testid="changed-outside" aria-labelledby="changed-outside-title">
                            <thead><tr><th scope="col">{tr!("col-target")}</th><th scope="col">{tr!("col-item")}</th><th scope="col">{tr!("outside-before-after")}</th><th scope="col">{tr!("outside-seen")}</th></tr></thead>
                            <tbody>{all.into_iter().take(SHOWN).map(row).collect_view()}</tbody>
                        </table>
                    </div>
                    {(hidden > 0).then(|| view! { <p class="muted small">{tr!("outside-hidden", n = hidden)}</p> })}
                }.into_any()
            }}
        </div>
    }
}

fn row(c: OutsideChangeView) -> impl IntoView {
    view! {
        <tr data-target=c.target_id.clone()>
            <td>{c.target_name.clone()}<div class="muted small mono">{c.target_id.clone()}</div></td>
            <td>{c.item.clone()}</td>
            <td>{c.before.clone()}<span class="diff-arrow" aria-label=tr!("outside-became")>" → "</span>{c.after.clone()}</td>
            <td title=clock(c.seen_at_ms)>{ago(c.seen_at_ms)}</td>
        </tr>
    }
}
