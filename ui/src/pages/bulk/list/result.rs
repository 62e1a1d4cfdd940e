//! What a list resolved to: the targets found, the entries unknown (listed), the ambiguous ones
//! with their candidates to choose among, and the repeats collapsed; "Use these N".

use std::collections::BTreeMap;

use lanyard_model::bulk::BulkTarget;
use lanyard_model::bulk::list::ListResolution;
use leptos::prelude::*;

use crate::time::plural;

#[component]
pub(super) fn Resolution(
    answer: ListResolution,
    on_use: Callback<Vec<BulkTarget>>,
) -> impl IntoView {
    // The candidate chosen for each ambiguous entry, by its line.
    let chosen = RwSignal::new(BTreeMap::<usize, BulkTarget>::new());
    let resolved = StoredValue::new(answer.targets());
    let n_resolved = answer.resolved.len();
    let total = move || {
        let mut t = resolved.get_value();
        for c in chosen.get().into_values() {
            if !t.iter().any(|x| x.id == c.id) {
                t.push(c);
            }
        }
        t
    };
    let unknown = answer.unknown.clone();
    let duplicates = answer.duplicates.len();
    view! {
        <div class="card list-result" data-testid="list-result">
            <p id="list-resolved" role="status"><strong>{format!("{} resolved", n_resolved)}</strong>
                {(duplicates > 0).then(|| format!(" · {} collapsed into an earlier entry", plural(duplicates as u64, "repeat", "repeats")))}
                {(answer.blank > 0).then(|| format!(" · {} blank ignored", answer.blank))}
            </p>
            {answer.live_note.clone().map(|n| view! { <p class="muted small">{n}</p> })}
            {(!unknown.is_empty()).then(|| view! {
                <div class="notice" data-testid="list-unknown">
                    <strong>{format!("{} not found, left out:", plural(unknown.len() as u64, "entry", "entries"))}</strong>
                    <ul class="plain">{unknown.iter().map(|e| view! { <li>{format!("line {}: {}", e.line, e.text)}</li> }).collect_view()}</ul>
                    <p class="muted small">"Check the spelling, or use the id; a target created since the last crawl is found live."</p>
                </div>
            })}
            {(!answer.skipped.is_empty()).then(|| view! {
                <ul class="plain muted small">{answer.skipped.iter().map(|s| view! { <li>{format!("line {} skipped: {}", s.line, s.reason)}</li> }).collect_view()}</ul>
            })}
            {(!answer.ambiguous.is_empty()).then(|| view! {
                <div class="notice" data-testid="list-ambiguous">
                    <strong>"Several targets have these names; choose one, or leave it out:"</strong>
                    {answer.ambiguous.iter().map(|a| {
                        let line = a.entry.line;
                        let cands = StoredValue::new(a.candidates.clone());
                        view! {
                            <div class="form-row" data-line=line.to_string()>
                                <label for=format!("amb-{line}")>{format!("line {}: {}", line, a.entry.text)}</label>
                                <select id=format!("amb-{line}") on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    let pick = cands.get_value().into_iter().find(|c| c.target.id == v).map(|c| c.target);
                                    chosen.update(|m| { match pick { Some(t) => { m.insert(line, t); } None => { m.remove(&line); } } });
                                }>
                                    <option value="">"Leave out"</option>
                                    {a.candidates.iter().map(|c| view! {
                                        <option value=c.target.id.clone()>{format!("{}{} · {}", c.name, c.display_name.as_ref().map(|d| format!(" ({d})")).unwrap_or_default(), c.target.id)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                        }
                    }).collect_view()}
                </div>
            })}
            <div class="form-actions">
                <button type="button" class="btn btn-primary" id="list-use" disabled=move || total().is_empty()
                    on:click=move |_| on_use.run(total())>{move || format!("Use these {}", total().len())}</button>
            </div>
        </div>
    }
}
