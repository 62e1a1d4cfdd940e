//! The error reply a handler returns with `?`: a finished response in its product's own error
//! body (Auth0's, ZITADEL's or Hub's), built by that product's `error` function.

use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};

/// A finished error reply. Handlers return `Result<Response, ApiError>`; extractors reject with it.
#[derive(Debug)]
pub struct ApiError(Response);

impl ApiError {
    /// The same reply with one more header (`www-authenticate`, `retry-after`).
    pub fn with_header(mut self, name: &'static str, value: HeaderValue) -> Self {
        self.0.headers_mut().insert(name, value);
        self
    }
}

impl From<Response> for ApiError {
    fn from(response: Response) -> Self {
        Self(response)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0
    }
}
