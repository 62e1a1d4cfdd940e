//! What a product client asks the HTTP layer to send.

use reqwest::Method;
use reqwest::header::HeaderName;
use secrecy::SecretString;

use super::Deadline;

/// A request body.
#[derive(Debug, Clone)]
pub enum Body {
    Json(serde_json::Value),
    /// Form fields; used for token requests, so values may be secret.
    Form(Vec<(String, SecretString)>),
}

/// Credentials for one request.
#[derive(Debug, Clone)]
pub enum Auth {
    None,
    Bearer(SecretString),
    Basic { user: String, secret: SecretString },
}

/// One call: what to send and how to describe it in traces.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    /// Path segments after the client's base path, each encoded on its own.
    pub segments: Vec<String>,
    pub query: Vec<(String, String)>,
    pub body: Option<Body>,
    pub headers: Vec<(HeaderName, String)>,
    pub auth: Auth,
    /// Operation name for traces, e.g. `add_org_connection`.
    pub operation: &'static str,
    /// The path with placeholders, for traces: never the ids themselves.
    pub path_template: &'static str,
    /// A POST that changes nothing (a token request, a search) may be sent again after a
    /// failure, and is not a write.
    pub repeatable: bool,
    /// When the operation this request belongs to gives up; `None`: the client's own budget
    /// from the moment it is sent.
    pub deadline: Option<Deadline>,
}

impl Request {
    pub fn new(method: Method, operation: &'static str, path_template: &'static str) -> Self {
        Self {
            method,
            segments: Vec::new(),
            query: Vec::new(),
            body: None,
            headers: Vec::new(),
            auth: Auth::None,
            operation,
            path_template,
            repeatable: false,
            deadline: None,
        }
    }

    /// Marks a POST that changes nothing on the server, so retries are safe.
    pub fn repeatable(mut self) -> Self {
        self.repeatable = true;
        self
    }

    /// Makes this request part of an operation that gives up at `deadline`.
    pub fn within(mut self, deadline: Deadline) -> Self {
        self.deadline = Some(deadline);
        self
    }

    pub fn segments<I, S>(mut self, segments: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.segments.extend(segments.into_iter().map(Into::into));
        self
    }

    pub fn query(mut self, key: &str, value: impl ToString) -> Self {
        self.query.push((key.to_owned(), value.to_string()));
        self
    }

    pub fn json(mut self, body: serde_json::Value) -> Self {
        self.body = Some(Body::Json(body));
        self
    }

    pub fn form(mut self, fields: Vec<(String, SecretString)>) -> Self {
        self.body = Some(Body::Form(fields));
        self
    }

    pub fn header(mut self, name: HeaderName, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn auth(mut self, auth: Auth) -> Self {
        self.auth = auth;
        self
    }

    /// GET, HEAD, PUT, DELETE and PATCH with absolute values repeat safely; POST does not.
    pub(crate) fn idempotent(&self) -> bool {
        self.method != Method::POST || self.repeatable
    }

    /// Whether the request changes something: after it was sent, a reply that cannot be read
    /// leaves its outcome unknown, and a redirect is not followed.
    pub(crate) fn is_write(&self) -> bool {
        !matches!(self.method, Method::GET | Method::HEAD | Method::OPTIONS) && !self.repeatable
    }

    /// Whether a same-origin redirect may be followed: reads only. A write is never sent twice,
    /// and a token request never carries its secret on to another address.
    pub(crate) fn follows_redirects(&self) -> bool {
        matches!(self.method, Method::GET | Method::HEAD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_reads_are_told_apart() {
        let get = Request::new(Method::GET, "x", "/x");
        let post = Request::new(Method::POST, "x", "/x");
        let search = Request::new(Method::POST, "x", "/x").repeatable();
        let delete = Request::new(Method::DELETE, "x", "/x");
        assert!(!get.is_write() && get.idempotent() && get.follows_redirects());
        assert!(post.is_write() && !post.idempotent() && !post.follows_redirects());
        assert!(!search.is_write() && search.idempotent() && !search.follows_redirects());
        assert!(delete.is_write() && delete.idempotent() && !delete.follows_redirects());
    }
}
