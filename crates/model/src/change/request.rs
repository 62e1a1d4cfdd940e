//! The HTTP request a change's write sends, as the preview shows it: described by the product
//! client that sends it (`lanyard-providers`), with no credentials or headers.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The methods a change's write uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl HttpMethod {
    /// The method named `name` (`"POST"`), if it is one of these.
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "GET" => HttpMethod::Get,
            "POST" => HttpMethod::Post,
            "PUT" => HttpMethod::Put,
            "PATCH" => HttpMethod::Patch,
            "DELETE" => HttpMethod::Delete,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
        }
    }
}

impl fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A request as it goes on the wire, less its credentials and headers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpRequest {
    pub method: HttpMethod,
    /// The path from the host on, as sent: the profile's base path (a Hub inside YouTrack is
    /// under `/hub`), every segment percent-encoded, and the query.
    pub path: String,
    /// The JSON body, as sent.
    pub body: Option<serde_json::Value>,
}

impl HttpRequest {
    /// The body, indented for reading; empty when there is none.
    pub fn pretty_body(&self) -> String {
        self.body
            .as_ref()
            .and_then(|b| serde_json::to_string_pretty(b).ok())
            .unwrap_or_default()
    }
}

/// The request line: `POST /api/v2/organizations/org_1/connections`.
impl fmt::Display for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_line_and_body_read_as_sent() {
        let r = HttpRequest {
            method: HttpMethod::Post,
            path: "/hub/api/rest/authmodules/m%201/autojoingroups?fields=id%2Cname".into(),
            body: Some(serde_json::json!({"id": "g1"})),
        };
        assert_eq!(
            r.to_string(),
            "POST /hub/api/rest/authmodules/m%201/autojoingroups?fields=id%2Cname"
        );
        assert_eq!(r.pretty_body(), "{\n  \"id\": \"g1\"\n}");
        let json = serde_json::to_value(&r).unwrap_or_default();
        assert_eq!(json["method"], "POST");
        for m in [
            HttpMethod::Get,
            HttpMethod::Post,
            HttpMethod::Put,
            HttpMethod::Patch,
            HttpMethod::Delete,
        ] {
            assert_eq!(HttpMethod::parse(m.as_str()), Some(m));
        }
        assert_eq!(HttpMethod::parse("post"), None);
    }
}
