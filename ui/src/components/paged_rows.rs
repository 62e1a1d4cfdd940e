//! The rows of a long answer that Rust hands out a page at a time (the Activity log, the
//! Inventory answer): the pages read so far, by number, for a [`WindowedTable`]'s `row`; the
//! pages the rows on screen need are asked for once each, and when more than `kept` pages are
//! held, those away from the screen are let go (and asked for again if scrolled back to).
//!
//! [`WindowedTable`]: crate::components::windowed_table::WindowedTable

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use leptos::prelude::*;

/// The pages of rows read so far; `Copy`, so closures share it.
pub struct PagedRows<T: Send + Sync + 'static> {
    pages: RwSignal<BTreeMap<usize, Vec<T>>>,
    asked: StoredValue<BTreeSet<usize>>,
    size: usize,
    kept: usize,
}

impl<T: Send + Sync + 'static> Clone for PagedRows<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for PagedRows<T> {}

impl<T: Send + Sync + 'static> PagedRows<T> {
    /// Pages of `size` rows, at most `kept` of them held.
    pub fn new(size: usize, kept: usize) -> Self {
        PagedRows {
            pages: RwSignal::new(BTreeMap::new()),
            asked: StoredValue::new(BTreeSet::new()),
            size: size.max(1),
            kept: kept.max(1),
        }
    }

    /// The rows of a page.
    pub fn size(&self) -> usize {
        self.size
    }

    /// A new answer: its first page is `first`, and every other page is to be asked for.
    pub fn start(&self, first: Vec<T>) {
        self.asked.set_value(BTreeSet::from([0]));
        self.pages.set(BTreeMap::from([(0, first)]));
    }

    /// Page `n` arrived, asked for or not (a poll may bring the pages on screen): it is not
    /// asked for again while it is held.
    pub fn put(&self, n: usize, rows: Vec<T>) {
        self.asked.try_update_value(|a| {
            a.insert(n);
        });
        self.pages.try_update(|p| {
            p.insert(n, rows);
        });
    }

    /// Page `n` could not be read: it may be asked for again.
    pub fn failed(&self, n: usize) {
        self.asked.try_update_value(|a| {
            a.remove(&n);
        });
    }

    /// The rows on screen are `rows`: `fetch(n)` for each page among them not asked for yet
    /// (the caller reads it and calls [`PagedRows::put`] or [`PagedRows::failed`]; it answers
    /// false when it cannot ask yet), and the pages away from the screen are let go when more
    /// than `kept` are held.
    pub fn show(&self, rows: Range<usize>, fetch: impl Fn(usize) -> bool) {
        if rows.is_empty() {
            return;
        }
        let wanted = rows.start / self.size..=(rows.end - 1) / self.size;
        for n in wanted.clone() {
            if self
                .asked
                .try_update_value(|a| a.insert(n))
                .unwrap_or(false)
                && !fetch(n)
            {
                self.failed(n);
            }
        }
        let too_many = self.pages.with_untracked(|p| p.len() > self.kept);
        if too_many {
            self.pages.update(|p| p.retain(|n, _| wanted.contains(n)));
            self.asked
                .update_value(|a| a.retain(|n| wanted.contains(n)));
        }
    }

    /// `f` of row `i` when its page has been read (tracked: the row is drawn again when it
    /// arrives).
    pub fn with_row<U>(&self, i: usize, f: impl FnOnce(&T) -> U) -> Option<U> {
        self.pages.with(|p| {
            p.get(&(i / self.size))
                .and_then(|v| v.get(i % self.size))
                .map(f)
        })
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    #[test]
    fn a_page_a_poll_brought_is_not_asked_for_again_and_one_let_go_is() {
        let owner = Owner::new();
        owner.set();
        let rows = PagedRows::<usize>::new(10, 2);
        rows.start((0..10).collect());
        // A poll brings pages 1 and 2 with the counts, before the table shows them.
        rows.put(1, (10..20).collect());
        rows.put(2, (20..30).collect());
        let asked = RefCell::new(Vec::new());
        let fetch = |n: usize| {
            asked.borrow_mut().push(n);
            true
        };
        rows.show(10..30, fetch);
        assert_eq!(
            *asked.borrow(),
            Vec::<usize>::new(),
            "held pages are not read again"
        );
        assert_eq!(rows.with_row(25, |r| *r), Some(25));
        // Scrolled far away: page 7 is asked for, and pages away from the screen are let go.
        rows.show(70..80, fetch);
        assert_eq!(*asked.borrow(), vec![7]);
        rows.put(7, (70..80).collect());
        rows.show(0..10, fetch);
        assert_eq!(
            *asked.borrow(),
            vec![7, 0],
            "a page let go is asked for again"
        );
        // A page that could not be read may be asked for again.
        rows.failed(0);
        rows.show(0..10, fetch);
        assert_eq!(*asked.borrow(), vec![7, 0, 0]);
    }
}
