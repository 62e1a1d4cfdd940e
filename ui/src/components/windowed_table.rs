//! A table that draws only the rows on screen: a scrolling box with a fixed row height, the
//! header kept at the top, and the table padded above and below by the height of the rows left
//! out, so the scrollbar is that of the whole table. It stays a real `<table>`: the
//! header cells are column headers, and `aria-rowcount` / `aria-rowindex` tell a screen reader
//! how many rows there are and where each drawn one stands. The box takes the keyboard focus, so
//! the arrow and page keys scroll it.
//!
//! The rows come from the page: `row(i)` draws row `i` of `count` as a `<tr>` whose
//! `aria-rowindex` is [`aria_row`]`(i)` (from memory, or from a page it asked Rust for once
//! `on_window` said which rows are on screen).

use std::ops::Range;

use leptos::prelude::*;

/// Every row of a windowed table is this tall, in CSS pixels (`.wt tbody tr` in app.css).
pub const ROW_HEIGHT: f64 = 44.0;

/// Rows drawn beyond each edge of the box, so that a scroll of up to two screens shows rows at
/// once (and a list of about 30 rows is drawn whole).
const OVERSCAN: usize = 20;

/// The box's height before it has been measured (its CSS max-height).
const FIRST_HEIGHT: f64 = 480.0;

/// The rows to draw for a box scrolled `top` pixels down and `height` tall, of `count` rows.
pub fn window(top: f64, height: f64, count: usize) -> Range<usize> {
    let top = if top.is_finite() { top.max(0.0) } else { 0.0 };
    let height = if height.is_finite() {
        height.max(0.0)
    } else {
        0.0
    };
    let first = ((top / ROW_HEIGHT).floor() as usize).saturating_sub(OVERSCAN);
    let last = (((top + height) / ROW_HEIGHT).ceil() as usize).saturating_add(OVERSCAN);
    first.min(count)..last.min(count)
}

/// The `aria-rowindex` of row `i` (the header row is 1).
pub fn aria_row(i: usize) -> String {
    (i + 2).to_string()
}

/// A table of `count` rows of which only those on screen are drawn, by `row`.
#[component]
pub fn WindowedTable<R, V>(
    /// Its `data-testid`.
    testid: &'static str,
    /// What the table lists, for a screen reader ("Activity").
    #[prop(into)]
    label: String,
    /// The column headers.
    head: Vec<String>,
    /// A narrow first column for a check box (its header is said, not shown).
    #[prop(optional, into)]
    check: Option<String>,
    count: Signal<usize>,
    /// Draws row `i`: a `<tr aria-rowindex=aria_row(i)>`.
    row: R,
    /// Told which rows are on screen whenever that changes, to read them if they are not in
    /// memory.
    #[prop(optional)]
    on_window: Option<Callback<Range<usize>>>,
) -> impl IntoView
where
    R: Fn(usize) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let scroller = NodeRef::<leptos::html::Div>::new();
    let top = RwSignal::new(0.0_f64);
    let height = RwSignal::new(FIRST_HEIGHT);
    let measure = move || {
        if let Some(el) = scroller.get_untracked() {
            top.set(f64::from(el.scroll_top()));
            let h = f64::from(el.client_height());
            if h > 0.0 {
                height.set(h);
            }
        }
    };
    // A shorter list (a filter typed) may leave the box scrolled past its end: the browser
    // pulls it back without a scroll event, so read where it is.
    Effect::new(move |_| {
        count.track();
        measure();
    });
    let range = Memo::new(move |_| window(top.get(), height.get(), count.get()));
    if let Some(on_window) = on_window {
        Effect::new(move |_| on_window.run(range.get()));
    }
    let row = std::sync::Arc::new(row);
    let region_label = label.clone();
    view! {
        <div class="table-scroll wt-scroll" node_ref=scroller tabindex="0" role="region" aria-label=region_label
            on:scroll=move |_| measure()>
            <div class="wt-pad"
                style:padding-top=move || format!("{}px", range.get().start as f64 * ROW_HEIGHT)
                style:padding-bottom=move || format!("{}px", count.get().saturating_sub(range.get().end) as f64 * ROW_HEIGHT)>
                <table class="data wt" data-testid=testid aria-label=label aria-rowcount=move || (count.get() + 1).to_string()>
                    <thead>
                        <tr aria-rowindex="1">
                            {check.map(|c| view! { <th class="check" scope="col"><span class="sr-only">{c}</span></th> })}
                            {head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let row = row.clone();
                            range.get().map(move |i| row(i)).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_rows_on_screen_and_a_few_beyond_are_drawn() {
        // At the top of 10,000 rows, a 480 px box shows 11 rows; 20 more are drawn below.
        assert_eq!(window(0.0, 480.0, 10_000), 0..31);
        // At the very end, the last row is drawn.
        let end = 10_000.0 * ROW_HEIGHT - 480.0;
        let r = window(end, 480.0, 10_000);
        assert_eq!(r.end, 10_000);
        assert!(r.len() < 60, "{r:?}");
        // Past the end (a list that got shorter) or before it is measured: nothing odd.
        assert_eq!(window(1e9, 480.0, 3), 3..3);
        assert_eq!(window(f64::NAN, f64::INFINITY, 5), 0..5);
        assert_eq!(window(0.0, 480.0, 0), 0..0);
    }
}
