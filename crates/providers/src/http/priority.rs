//! A person's requests before background ones. Work run inside [`in_background`] (the crawl)
//! sends through the same client, so through the same connection pool and the same pacing; but
//! before each try it waits while any request a person waits on is pending on that client, and
//! it never holds a rate-limit slot while it waits, so a click goes out at the next free slot.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::Notify;
use tokio::sync::futures::Notified;

tokio::task_local! {
    static BACKGROUND: ();
}

/// Runs `work` with every request it sends marked as background: each waits for the client's
/// interactive requests to be done first.
pub async fn in_background<F: Future>(work: F) -> F::Output {
    BACKGROUND.scope((), work).await
}

/// Whether the running task sends in the background.
pub(crate) fn is_background() -> bool {
    BACKGROUND.try_with(|()| ()).is_ok()
}

/// The interactive requests pending on one client (shared by its clones).
#[derive(Debug, Default)]
pub(crate) struct Priority {
    pending: AtomicUsize,
    changed: Notify,
}

/// An interactive request, pending until dropped.
pub(crate) struct Interactive<'a>(&'a Priority);

impl Drop for Interactive<'_> {
    fn drop(&mut self) {
        self.0.pending.fetch_sub(1, Ordering::SeqCst);
        self.0.changed.notify_waiters();
    }
}

impl Priority {
    /// Registers an interactive request for as long as the guard lives.
    pub(crate) fn interactive(&self) -> Interactive<'_> {
        self.pending.fetch_add(1, Ordering::SeqCst);
        self.changed.notify_waiters();
        Interactive(self)
    }

    pub(crate) fn pending(&self) -> bool {
        self.pending.load(Ordering::SeqCst) > 0
    }

    /// A wake-up for the next change (an interactive request starting or ending), armed now:
    /// a change after this call and before the await is not missed.
    pub(crate) fn next_change(&self) -> std::pin::Pin<Box<Notified<'_>>> {
        let mut notified = Box::pin(self.changed.notified());
        notified.as_mut().enable();
        notified
    }

    /// Waits until no interactive request is pending.
    pub(crate) async fn idle(&self) {
        loop {
            let change = self.next_change();
            if !self.pending() {
                return;
            }
            change.await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn idle_waits_for_the_last_interactive_request() {
        let p = std::sync::Arc::new(Priority::default());
        assert!(!is_background());
        assert!(in_background(async { is_background() }).await);
        let first = p.interactive();
        let second = p.interactive();
        let waiter = tokio::spawn({
            let p = p.clone();
            async move { p.idle().await }
        });
        drop(first);
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!waiter.is_finished(), "one is still pending");
        drop(second);
        tokio::time::timeout(Duration::from_secs(2), waiter)
            .await
            .expect("idle once none is pending")
            .expect("no panic");
    }
}
