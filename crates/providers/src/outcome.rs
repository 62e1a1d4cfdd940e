//! What a write did, once the client is sure of it.

/// The result of a write: the state it produced and how Lanyard knows.
#[derive(Debug, Clone, PartialEq)]
pub struct Done<T> {
    pub value: T,
    /// The id sent with the request(s).
    pub correlation_id: String,
    /// The target was already in the wanted state (409 on add, 404 on remove, confirmed by a read).
    pub already: bool,
    /// The reply was lost and a read confirmed the change.
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
