//! What a write did, once the client is sure of it; and how it becomes sure when the reply does
//! not say: the reply was lost, broke off, was a redirect, an HTML page, the wrong shape or too
//! large. Then the change may well have been applied, so the target is read back and the user
//! is told what is true, never "failed, nothing changed".

use std::future::Future;

use serde::de::DeserializeOwned;

use crate::error::ProviderError;
use crate::http::{Deadline, Http, Product, Reply, new_correlation_id};

/// The result of a write: the state it produced and how Lanyard knows.
#[derive(Debug, Clone, PartialEq)]
pub struct Done<T> {
    pub value: T,
    /// The id sent with the request(s).
    pub correlation_id: String,
    /// The target was already in the wanted state (409 on add, 404 on remove, confirmed by a read).
    pub already: bool,
    /// The reply did not say what happened and a read confirmed the change.
    pub confirmed_by_read: bool,
}

impl<T> Done<T> {
    pub fn applied(value: T, correlation_id: String) -> Self {
        Self {
            value,
            correlation_id,
            already: false,
            confirmed_by_read: false,
        }
    }

    pub fn already(value: T, correlation_id: String) -> Self {
        Self {
            value,
            correlation_id,
            already: true,
            confirmed_by_read: false,
        }
    }

    pub fn confirmed(value: T, correlation_id: String) -> Self {
        Self {
            value,
            correlation_id,
            already: false,
            confirmed_by_read: true,
        }
    }
}

/// One operation a person waits on: its correlation id, and its deadline over every request.
#[derive(Debug, Clone)]
pub(crate) struct Operation {
    pub(crate) id: String,
    pub(crate) deadline: Deadline,
}

impl Operation {
    pub(crate) fn new(http: &Http) -> Self {
        Self {
            id: new_correlation_id(),
            deadline: http.deadline(),
        }
    }

    /// The write itself: the same id, and a deadline that leaves time to read the target back.
    pub(crate) fn for_write(&self) -> Self {
        Self {
            id: self.id.clone(),
            deadline: self.deadline.for_write(),
        }
    }
}

fn unknown(reply: &Reply, cause: String) -> ProviderError {
    ProviderError::OutcomeUnknown {
        product: reply.product(),
        cause,
        correlation_id: reply.correlation_id.clone(),
    }
}

/// A write's 2xx body read as `T`. A body that cannot be read (HTML, the wrong shape) does
/// not confirm anything, so the outcome is unknown.
pub(crate) fn from_reply<T: DeserializeOwned>(
    reply: &Reply,
    expected: &'static str,
) -> Result<T, ProviderError> {
    reply.object(expected).map_err(|err| {
        unknown(
            reply,
            format!(
                "its {} answer could not be read as {expected} ({err})",
                reply.status
            ),
        )
    })
}

/// A write's 2xx whose body Lanyard does not need: empty, or JSON. Anything else (a proxy's
/// HTML page, say) does not confirm the change.
pub(crate) fn empty_or_json(reply: &Reply) -> Result<(), ProviderError> {
    if reply.is_empty_or_json() {
        Ok(())
    } else {
        Err(unknown(
            reply,
            format!(
                "its {} answer was not its API's reply ({})",
                reply.status,
                crate::http::excerpt(&reply.body)
            ),
        ))
    }
}

/// Settles a write whose outcome is unknown by reading the target back. `read` says whether
/// the target is now as the write wanted (`Some` with what it read) or not (`None`). When the
/// read fails too, the outcome stays unknown, and the error says so.
pub(crate) async fn settle<T, F>(
    product: Product,
    cause: String,
    correlation_id: String,
    read: F,
) -> Result<Done<T>, ProviderError>
where
    F: Future<Output = Result<Option<T>, ProviderError>>,
{
    tracing::info!(%correlation_id, "the write's outcome is unknown; reading the target back");
    match read.await {
        Ok(Some(value)) => Ok(Done::confirmed(value, correlation_id)),
        Ok(None) => Err(ProviderError::NotApplied {
            product,
            cause,
            correlation_id,
        }),
        Err(read_err) => Err(ProviderError::OutcomeUnknown {
            product,
            cause: format!(
                "{cause}; reading the target back failed too ({})",
                read_err.brief()
            ),
            correlation_id,
        }),
    }
}
