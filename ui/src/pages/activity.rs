//! Activity: every change Lanyard made (the audit log), newest first, with a filter and export.
//!
//! The log can hold hundreds of thousands of entries, so the page never holds it: the filter
//! runs in Rust over the whole log (`activity_page`), the table draws only the rows on screen,
//! and the pages of entries those rows need are asked for as they scroll into view (at most
//! [`PAGES_KEPT`] pages are kept).

use std::ops::Range;

use lanyard_model::audit::{AuditEntry, ExportFormat, Outcome};
use leptos::prelude::*;

use crate::backend;
use crate::components::download::save;
use crate::components::paged_rows::PagedRows;
use crate::components::windowed_table::{WindowedTable, aria_row};
use crate::context::use_ctx;
use crate::i18n::records::{audit_note, audit_targets};
use crate::i18n::words::{audit_operation, audit_outcome};
use crate::nav::Page;
use crate::tr;

/// Entries asked for at a time.
const PAGE: usize = 200;

/// Pages held at most; those farthest from the rows on screen go first.
const PAGES_KEPT: usize = 12;

/// The table's column headers.
fn head() -> Vec<String> {
    vec![
        tr!("activity-time"),
        tr!("activity-profile"),
        tr!("activity-change"),
        tr!("col-target"),
        tr!("activity-outcome"),
        tr!("activity-correlation-id"),
    ]
}

/// What the newest query answered: its counts, and the log's path.
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    query: u64,
    filter: String,
    matching: usize,
    total: usize,
    skipped_lines: usize,
    path: String,
}

#[component]
pub fn ActivityPage() -> impl IntoView {
    let ctx = use_ctx();
    let filter = RwSignal::new(String::new());
    // The number of the newest query; replies to older ones are dropped.
    let query = StoredValue::new(0_u64);
    let shown = RwSignal::new(None::<Shown>);
    let failed = RwSignal::new(None::<String>);
    let pages = PagedRows::<AuditEntry>::new(PAGE, PAGES_KEPT);

    // Reads page `n` of the newest query's answer into `pages` (false while there is none).
    let fetch = move |n: usize| {
        let Some(s) = shown
            .get_untracked()
            .filter(|s| s.query == query.get_value())
        else {
            return false;
        };
        leptos::task::spawn_local(async move {
            let reply = backend::activity_page(&s.filter, n * PAGE, PAGE).await;
            if query.get_value() != s.query {
                return;
            }
            match reply {
                Ok(page) => pages.put(n, page.entries),
                Err(err) => {
                    pages.failed(n);
                    failed.set(Some(crate::i18n::error_text(&err)));
                }
            }
        });
        true
    };
    // A new filter (or a change made elsewhere): ask again from the top.
    Effect::new(move |_| {
        ctx.refresh.track();
        let f = filter.get();
        let number = query.get_value() + 1;
        query.set_value(number);
        leptos::task::spawn_local(async move {
            let reply = backend::activity_page(&f, 0, PAGE).await;
            if query.get_value() != number {
                return;
            }
            match reply {
                Ok(page) => {
                    failed.set(None);
                    pages.start(page.entries);
                    shown.set(Some(Shown {
                        query: number,
                        filter: f,
                        matching: page.matching,
                        total: page.total,
                        skipped_lines: page.skipped_lines,
                        path: page.path,
                    }));
                }
                Err(err) => failed.set(Some(crate::i18n::error_text(&err))),
            }
        });
    });
    // The rows on screen: ask for their pages, and let go of pages far from them.
    let on_window = Callback::new(move |rows: Range<usize>| pages.show(rows, fetch));

    let export = move |format: ExportFormat| {
        leptos::task::spawn_local(async move {
            match backend::activity_export(format).await {
                Ok(text) => {
                    let name = format!("lanyard-activity.{}", format.extension());
                    save(ctx.toasts, &name, &text, format.mime()).await;
                }
                Err(err) => ctx.toasts.error(crate::i18n::error_text(&err)),
            }
        });
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            {super::header(Page::Activity)}
            <div class="table-tools">
                <input type="search" id="activity-filter" placeholder=tr!("activity-filter-placeholder") aria-label=tr!("activity-filter")
                    prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
                <span class="muted" id="activity-count" role="status">{move || shown.get().map(|s| counts(&s))}</span>
                <span class="topbar-spacer"></span>
                <button type="button" class="btn" id="export-csv" on:click=move |_| export(ExportFormat::Csv)>{tr!("export-csv")}</button>
                <button type="button" class="btn" id="export-json" on:click=move |_| export(ExportFormat::Json)>{tr!("export-json")}</button>
            </div>
            {move || failed.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || match shown.get() {
                None => view! { <p class="muted" role="status">{tr!("load-loading", what = tr!("what-activity-log"))}</p> }.into_any(),
                Some(s) if s.total == 0 && s.skipped_lines == 0 => view! { <div class="empty-state"><p>{tr!("activity-empty")}</p><p class="muted">{tr!("activity-log-path", path = s.path.clone())}</p></div> }.into_any(),
                Some(s) => view! {
                    {(s.skipped_lines > 0).then(|| view! { <p class="notice" id="activity-skipped" role="status">{tr!("activity-skipped", n = s.skipped_lines, path = s.path.clone())}</p> })}
                    {(s.matching == 0).then(|| view! { <p class="muted" id="activity-none">{tr!("activity-no-match")}</p> })}
                    <WindowedTable testid="activity" label=tr!("page-activity") head=head()
                        count=Signal::stored(s.matching) on_window=on_window
                        row=move |i| view! {
                            <tr aria-rowindex=aria_row(i)>
                                {pages.with_row(i, entry_cells).unwrap_or_else(|| view! {
                                    <td colspan="6" class="muted">{tr!("profiles-loading")}</td>
                                }.into_any())}
                            </tr>
                        } />
                }.into_any(),
            }}
        </section>
    }
}

/// "12 of 100,000 entries" (or "100,000 entries" unfiltered).
fn counts(s: &Shown) -> String {
    if s.filter.trim().is_empty() {
        tr!("activity-entries", n = s.total)
    } else {
        tr!("activity-matching", matching = s.matching, total = s.total)
    }
}

/// "2026-11-30 22:26:05" of the RFC 3339 stamp "2026-11-30T22:26:05.744752229Z": the time to
/// the second fits its column (the whole stamp is the cell's title, and in the exports); a
/// stamp of another shape (a log edited by hand) as it is.
fn to_the_second(stamp: &str) -> String {
    match stamp.get(..19) {
        Some(head) if head.as_bytes()[10] == b'T' => head.replacen('T', " ", 1),
        _ => stamp.to_owned(),
    }
}

/// The cells of one entry's row.
fn entry_cells(e: &AuditEntry) -> AnyView {
    let targets = audit_targets(&e.targets);
    let targets_title = targets.clone();
    let ok = e.outcome == Outcome::Success;
    let note = e.message.as_ref().map(audit_note);
    let note_title = note.clone().unwrap_or_default();
    view! {
        <td class="mono activity-time" title=e.time.clone()>{to_the_second(&e.time)}</td>
        <td>{e.profile_name.clone()}</td>
        <td>{audit_operation(&e.operation)}</td>
        <td title=targets_title>{targets}</td>
        <td title=note_title><span class=if ok { "badge badge-ok" } else { "badge badge-prod" }>{audit_outcome(e.outcome)}</span>
            {note.map(|m| view! { <div class="muted small">{m}</div> })}</td>
        <td class="mono small">{e.correlation_id.clone().unwrap_or_default()}</td>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::to_the_second;

    #[test]
    fn the_time_is_shown_to_the_second() {
        assert_eq!(
            to_the_second("2026-11-30T22:26:05.744752229Z"),
            "2026-11-30 22:26:05"
        );
        assert_eq!(to_the_second("2026-11-23T10:00:00Z"), "2026-11-23 10:00:00");
        // Not a stamp Lanyard writes: shown whole, never cut inside a character.
        assert_eq!(to_the_second("yesterday"), "yesterday");
        assert_eq!(
            to_the_second("2026-11-30 22:26:05 é"),
            "2026-11-30 22:26:05 é"
        );
        assert_eq!(to_the_second("2026-11-30T22:2é"), "2026-11-30T22:2é");
    }
}
