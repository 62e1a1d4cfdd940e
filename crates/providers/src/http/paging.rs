//! Guards for listings read a page at a time: a listing ends on an empty page, on a `total`
//! reached or on no `next` cursor; a server that repeats a page or a cursor, or never ends, is
//! an error that says so, never a loop and never part of a list shown as the whole.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::{Http, Product, Reply};
use crate::error::ProviderError;

/// One listing being read.
pub(crate) struct Pages {
    product: Product,
    expected: &'static str,
    max: u32,
    read: u32,
    bodies: HashSet<u64>,
    cursors: HashSet<String>,
}

impl Pages {
    pub(crate) fn new(http: &Http, expected: &'static str) -> Self {
        Self {
            product: http.product(),
            expected,
            max: http.options().max_pages.max(1),
            read: 0,
            bodies: HashSet::new(),
            cursors: HashSet::new(),
        }
    }

    fn stop(&self, reason: String, correlation_id: &str) -> ProviderError {
        ProviderError::decode(self.product, self.expected, reason, correlation_id)
    }

    /// Counts a page just read: an error when the cap is passed or the server sent the very
    /// same page before (it ignored the paging parameters).
    pub(crate) fn page(&mut self, reply: &Reply) -> Result<(), ProviderError> {
        self.read = self.read.saturating_add(1);
        if self.read > self.max {
            return Err(self.stop(
                format!(
                    "the list went on past {} pages; Lanyard stopped rather than show part of it as the whole",
                    self.max
                ),
                &reply.correlation_id,
            ));
        }
        let mut hasher = DefaultHasher::new();
        reply.body.hash(&mut hasher);
        if !self.bodies.insert(hasher.finish()) {
            return Err(self.stop(
                "the server sent the same page twice, so the list would never end; Lanyard stopped rather than show part of it as the whole".to_owned(),
                &reply.correlation_id,
            ));
        }
        Ok(())
    }

    /// The cursor to read from next: an error when the server sent it before.
    pub(crate) fn cursor(&mut self, next: &str, correlation_id: &str) -> Result<(), ProviderError> {
        if self.cursors.insert(next.to_owned()) {
            return Ok(());
        }
        Err(self.stop(
            "the server sent the same `next` cursor twice, so the list would never end; Lanyard stopped rather than show part of it as the whole".to_owned(),
            correlation_id,
        ))
    }
}

/// Whether an offset listing is complete after a page of `count` items, `so_far` in all.
/// An empty page ends it, and so does reaching the `total` the server gave; without a total,
/// a short page proves nothing (a server may cap the page size), so reading goes on to an
/// empty page.
pub(crate) fn offset_done(count: usize, so_far: usize, total: Option<u64>) -> bool {
    count == 0 || total.is_some_and(|total| u64::try_from(so_far).unwrap_or(u64::MAX) >= total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_total_does_not_end_a_listing_but_an_empty_page_does() {
        assert!(!offset_done(100, 100, None));
        assert!(!offset_done(40, 140, None));
        assert!(offset_done(0, 140, None));
        assert!(offset_done(40, 140, Some(140)));
        assert!(!offset_done(100, 100, Some(250)));
        assert!(offset_done(0, 100, Some(250)));
    }
}
