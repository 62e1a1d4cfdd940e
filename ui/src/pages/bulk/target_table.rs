//! The target table the bulk forms share: its tools (the filter, "select all matching", "clear
//! selection", a pasted list, the count) and the table of rows, each ticked into a selection.

use std::collections::BTreeSet;

use lanyard_model::bulk::BulkTarget;
use lanyard_model::inventory::PickerKind;
use leptos::prelude::*;

use super::list::ListButton;
use crate::components::windowed_table::{WindowedTable, aria_row};
use crate::tr;

/// A row of a target table: the target and a detail line.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row {
    pub target: BulkTarget,
    pub detail: String,
}

impl Row {
    /// Whether the filter `f` (lower case; empty matches all) matches the row's name or detail.
    pub fn matches(&self, f: &str) -> bool {
        f.is_empty()
            || self.target.name.to_lowercase().contains(f)
            || self.detail.to_lowercase().contains(f)
    }
}

/// The ids of a form's table tools (its tests find them by these).
#[derive(Debug, Clone, Copy)]
pub(super) struct ToolIds {
    pub filter: &'static str,
    pub select_matching: &'static str,
    pub select_none: &'static str,
    pub count: &'static str,
}

/// The tools above a target table, then the errors about its targets.
#[component]
pub(super) fn TargetTools(
    ids: ToolIds,
    /// The targets, plural ("organizations").
    many: String,
    filter: RwSignal<String>,
    selected: RwSignal<BTreeSet<String>>,
    /// The rows the filter matches.
    matching: Signal<Vec<Row>>,
    /// How many targets are selected.
    count: Signal<usize>,
    errors: Signal<Vec<String>>,
    profile_id: String,
    list_kind: PickerKind,
    on_list: Callback<Vec<BulkTarget>>,
) -> impl IntoView {
    view! {
        <div class="table-tools">
            <input type="search" id=ids.filter placeholder=tr!("targets-filter-placeholder", many = many.clone()) aria-label=tr!("targets-filter", many = many)
                prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
            <button type="button" class="btn" id=ids.select_matching on:click=move |_| {
                let ids: Vec<String> = matching.get().into_iter().map(|r| r.target.id).collect();
                selected.update(|s| s.extend(ids));
            }>{move || tr!("targets-select-matching", n = matching.with(Vec::len))}</button>
            <button type="button" class="btn" id=ids.select_none on:click=move |_| selected.set(BTreeSet::new())>{tr!("targets-clear")}</button>
            <ListButton profile_id=profile_id kind=list_kind on_use=on_list />
            <span class="topbar-spacer"></span>
            <span class="muted" id=ids.count role="status">{move || tr!("targets-selected", n = count.get())}</span>
        </div>
        {move || errors.get().into_iter().map(|m| view! { <p class="field-error" role="alert">{m}</p> }).collect_view()}
    }
}

/// The table of the `matching` rows, each with a box that ticks it into `selected`; only the
/// rows on screen are drawn (10,000 organizations scroll as smoothly as 10).
#[component]
pub(super) fn TargetTable(
    matching: Signal<Vec<Row>>,
    selected: RwSignal<BTreeSet<String>>,
    testid: &'static str,
) -> impl IntoView {
    let row = move |i: usize| {
        matching.with(|rows| {
            rows.get(i).map(|r| {
                let id = r.target.id.clone();
                let id_check = id.clone();
                let id_attr = id.clone();
                view! {
                    <tr aria-rowindex=aria_row(i) data-target=id_attr>
                        <td class="check"><input type="checkbox" aria-label=tr!("targets-select-one", name = r.target.name.clone())
                            prop:checked=move || selected.with(|s| s.contains(&id_check))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let id = id.clone();
                                selected.update(|s| { if on { s.insert(id); } else { s.remove(&id); } });
                            } /></td>
                        <td title=r.target.name.clone()>{r.target.name.clone()}</td>
                        <td class="muted small" title=r.detail.clone()>{r.detail.clone()}</td>
                    </tr>
                }
            })
        })
    };
    view! {
        <WindowedTable testid=testid label=tr!("targets-table") head=vec![tr!("col-name"), tr!("targets-details")] check=tr!("targets-selected-col")
            count=Signal::derive(move || matching.with(Vec::len)) row=row />
    }
}
