//! What came back: a successful reply and how its body is read, and the three products' error
//! bodies read into one shape.

use reqwest::header::{self, HeaderMap};
use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};

use super::Product;
use crate::error::{ErrorBody, ProviderError};

/// A successful (2xx) reply.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    pub correlation_id: String,
    pub attempts: u32,
    pub(crate) product: Product,
}

impl Reply {
    /// Decodes the body as JSON of type `T`; HTML or other text becomes `UnexpectedReply`.
    pub fn json<T: DeserializeOwned>(&self, expected: &'static str) -> Result<T, ProviderError> {
        if !looks_like_json(&self.headers, &self.body) {
            return Err(unexpected(
                self.product,
                self.status,
                &self.headers,
                &self.body,
                &self.correlation_id,
            ));
        }
        serde_json::from_slice(&self.body).map_err(|err| {
            ProviderError::decode(self.product, expected, err, self.correlation_id.clone())
        })
    }

    /// Decodes the body as a JSON object read as `T` (never an array read as one).
    pub fn object<T: DeserializeOwned>(&self, expected: &'static str) -> Result<T, ProviderError> {
        self.json::<Object<T>>(expected).map(|Object(value)| value)
    }

    /// Whether the body is empty or JSON of any shape (never an HTML page).
    pub fn is_empty_or_json(&self) -> bool {
        self.body.iter().all(u8::is_ascii_whitespace)
            || (looks_like_json(&self.headers, &self.body)
                && serde_json::from_slice::<IgnoredAny>(&self.body).is_ok())
    }

    pub fn product(&self) -> Product {
        self.product
    }
}

/// A `T` that must come as a JSON object. Serde reads a struct from an array too (its fields
/// in order, missing ones defaulted), so `[]` would read as an empty login policy and
/// `["con_1"]` as an enabled connection: a reply of another shape taken for a true one.
#[derive(Debug, Clone, PartialEq)]
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Only<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Only<T> {
            type Value = T;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        d.deserialize_map(Only(std::marker::PhantomData))
            .map(Object)
    }
}

/// A JSON value kept only when it is a string.
#[derive(Deserialize)]
#[serde(untagged)]
enum Text {
    Text(String),
    Other(IgnoredAny),
}

impl Text {
    fn get(field: &Option<Text>) -> Option<&str> {
        match field {
            Some(Text::Text(s)) => Some(s),
            _ => None,
        }
    }
}

/// ZITADEL's `code`: a number on REST, a string on Connect.
#[derive(Deserialize)]
#[serde(untagged)]
enum Code {
    Number(i64),
    Text(String),
    Other(IgnoredAny),
}

#[derive(Deserialize)]
struct Detail {
    id: Option<Text>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Details {
    List(Vec<Detail>),
    Other(IgnoredAny),
}

/// Every key any of the three products' error bodies uses.
#[derive(Deserialize)]
struct AnyError {
    #[serde(rename = "statusCode")]
    status_code: Option<IgnoredAny>,
    #[serde(rename = "errorCode")]
    error_code: Option<Text>,
    message: Option<Text>,
    error: Option<Text>,
    error_description: Option<Text>,
    code: Option<Code>,
    details: Option<Details>,
}

/// Parses the error bodies of all three products into one shape, the server's text cut.
pub fn parse_error_body(body: &[u8]) -> Option<ErrorBody> {
    let e: AnyError = serde_json::from_slice(body).ok()?;
    let message = Text::get(&e.message);
    // Auth0: {statusCode, error, message, errorCode?}
    if e.status_code.is_some() {
        let text = message.or(Text::get(&e.error)).unwrap_or_default();
        return Some(ErrorBody::from_server(Text::get(&e.error_code), text));
    }
    // ZITADEL: {code, message, details:[{id, message}]}
    if let (Some(code), Some(_)) = (&e.code, &e.message) {
        let id = match &e.details {
            Some(Details::List(list)) => list.first().and_then(|d| Text::get(&d.id)),
            _ => None,
        };
        let code = match code {
            Code::Number(n) => Some(n.to_string()),
            Code::Text(s) => Some(s.clone()),
            Code::Other(_) => None,
        };
        let code = id.map(str::to_owned).or(code);
        return Some(ErrorBody::from_server(
            code.as_deref(),
            message.unwrap_or_default(),
        ));
    }
    // Hub and OAuth token endpoints: {error, error_description}
    if e.error.is_some() {
        let code = Text::get(&e.error);
        let text = Text::get(&e.error_description).or(code).unwrap_or_default();
        return Some(ErrorBody::from_server(code, text));
    }
    None
}

pub(crate) fn looks_like_json(headers: &HeaderMap, body: &[u8]) -> bool {
    let declared = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|ct| ct.to_ascii_lowercase().contains("json"));
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    matches!(first, Some(b'{') | Some(b'[')) && declared != Some(false)
}

pub(crate) fn unexpected(
    product: Product,
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
    correlation_id: &str,
) -> ProviderError {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|ct| excerpt(ct.as_bytes()))
        .unwrap_or_else(|| "no content type".to_owned());
    ProviderError::UnexpectedReply {
        product,
        status,
        content_type,
        excerpt: excerpt(body),
        correlation_id: correlation_id.to_owned(),
    }
}

/// The first 160 characters of a body, on one line, for an error message.
pub fn excerpt(body: &[u8]) -> String {
    // Only the start is looked at, so a huge body costs nothing here.
    let head = body.get(..body.len().min(4096)).unwrap_or_default();
    let text = String::from_utf8_lossy(head);
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 160 || head.len() < body.len() {
        format!("{}…", flat.chars().take(160).collect::<String>())
    } else {
        flat
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_products_error_body_is_understood() {
        let auth0 = br#"{"statusCode":409,"error":"Conflict","message":"The organization connection already exists.","errorCode":"conflict"}"#;
        assert_eq!(
            parse_error_body(auth0),
            Some(ErrorBody {
                code: Some("conflict".into()),
                message: "The organization connection already exists.".into()
            })
        );
        let zitadel = br#"{"code":6,"message":"Identity provider already exists (INSTANCE-2B0ps)","details":[{"@type":"x","id":"INSTANCE-2B0ps","message":"m"}]}"#;
        assert_eq!(
            parse_error_body(zitadel).and_then(|b| b.code),
            Some("INSTANCE-2B0ps".into())
        );
        let zitadel_connect = br#"{"code":"not_found","message":"nope"}"#;
        assert_eq!(
            parse_error_body(zitadel_connect).and_then(|b| b.code),
            Some("not_found".into())
        );
        let hub = br#"{"error":"Not Found","error_description":"HTTP 404 Not Found"}"#;
        assert_eq!(
            parse_error_body(hub).map(|b| b.message),
            Some("HTTP 404 Not Found".into())
        );
        assert_eq!(parse_error_body(b"<html>502</html>"), None);
    }

    #[test]
    fn odd_types_in_error_bodies_are_not_taken_as_text() {
        let odd = br#"{"statusCode":"x","message":7,"error":"Bad Request","errorCode":[1]}"#;
        assert_eq!(
            parse_error_body(odd),
            Some(ErrorBody {
                code: None,
                message: "Bad Request".into()
            })
        );
        let odd = br#"{"code":{"a":1},"message":"m","details":"not a list"}"#;
        assert_eq!(
            parse_error_body(odd),
            Some(ErrorBody {
                code: None,
                message: "m".into()
            })
        );
        assert_eq!(parse_error_body(br#"{"unexpected":true}"#), None);
        assert_eq!(parse_error_body(b"[1,2]"), None);
    }

    #[test]
    fn a_five_megabyte_message_is_cut() {
        let body = format!(
            r#"{{"statusCode":500,"error":"x","message":"{}"}}"#,
            "m".repeat(5 * 1024 * 1024)
        );
        let parsed = parse_error_body(body.as_bytes()).map(|b| b.message);
        assert!(parsed.is_some_and(|m| m.len() < 1100 && m.contains("[cut:")));
    }

    #[test]
    fn a_struct_is_read_only_from_an_object() {
        #[derive(Deserialize, Debug, PartialEq)]
        struct Policy {
            #[serde(default)]
            idps: Vec<String>,
        }
        assert!(
            serde_json::from_str::<Policy>("[]").is_ok(),
            "serde's own leniency"
        );
        assert!(serde_json::from_str::<Object<Policy>>("[]").is_err());
        assert!(serde_json::from_str::<Object<Policy>>(r#"[["a"]]"#).is_err());
        assert_eq!(
            serde_json::from_str::<Object<Policy>>(r#"{"idps":["a"],"other":1}"#).ok(),
            Some(Object(Policy {
                idps: vec!["a".into()]
            }))
        );
    }

    #[test]
    fn excerpts_are_short_and_on_one_line() {
        let html = format!("<html>\n<body>{}</body></html>", "x".repeat(500));
        let e = excerpt(html.as_bytes());
        assert!(e.chars().count() <= 161 && !e.contains('\n'), "{e}");
        assert!(e.starts_with("<html> <body>xxx"));
    }
}
