//! A token endpoint's reply, read without ever quoting it: the body of a token reply may be the
//! token itself (or, from a broken endpoint, the client secret echoed back), so an error about
//! it says what was wrong (status, size, content type) and nothing of what was in it.
//!
//! The rule for `expires_in` is here and only here: any JSON number or numeric string; none,
//! zero, negative or not a number means "not said" (an hour is assumed); more than a day is a
//! day.

#![deny(clippy::arithmetic_side_effects)]

use std::fmt;
use std::time::Duration;

use reqwest::header::{self, HeaderMap};
use secrecy::SecretString;
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::error::ProviderError;
use crate::http::{Product, Reply};

/// The lifetime assumed when a token reply names none (neither vendor promises one).
pub(crate) const DEFAULT_LIFETIME: Duration = Duration::from_secs(3_600);
/// The longest lifetime Lanyard believes: a token is fetched again at least once a day.
pub(crate) const MAX_LIFETIME: Duration = Duration::from_secs(86_400);

/// What Lanyard takes from a token endpoint's 2xx reply.
#[derive(Deserialize)]
struct TokenReply {
    access_token: String,
    #[serde(default)]
    expires_in: ExpiresIn,
}

/// `expires_in` in seconds, as far as it is a sane number.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ExpiresIn(Option<u64>);

impl ExpiresIn {
    /// How long the token may be used: the one clamping rule for `expires_in`.
    pub(crate) fn lifetime(self) -> Duration {
        match self.0 {
            None | Some(0) => DEFAULT_LIFETIME,
            Some(secs) => Duration::from_secs(secs).min(MAX_LIFETIME),
        }
    }
}

impl<'de> Deserialize<'de> for ExpiresIn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(ExpiresInVisitor)
            .map(ExpiresIn)
    }
}

/// Accepts any JSON value: a number or a string of digits is a lifetime, anything else none.
struct ExpiresInVisitor;

impl<'de> Visitor<'de> for ExpiresInVisitor {
    type Value = Option<u64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a lifetime in seconds")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(u64::try_from(v).ok())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // Whole seconds, saturating at u64::MAX (a day, once clamped); NaN and negatives say
        // nothing.
        Ok((v >= 0.0).then_some(v as u64))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let v = v.trim();
        let digits = !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
        // More digits than a u64 holds is still "a very long time": a day, once clamped.
        Ok(digits.then(|| v.parse().unwrap_or(u64::MAX)))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

/// The token and how long it may be used, from a 2xx reply of a token endpoint.
pub(crate) fn read(
    product: Product,
    reply: &Reply,
) -> Result<(SecretString, Duration), ProviderError> {
    parse(
        product,
        reply.status,
        &reply.headers,
        &reply.body,
        &reply.correlation_id,
    )
}

/// [`read`], from the parts of a reply.
pub(crate) fn parse(
    product: Product,
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
    correlation_id: &str,
) -> Result<(SecretString, Duration), ProviderError> {
    let unreadable = |reason: String| ProviderError::Decode {
        product,
        expected: "a token reply",
        reason,
        correlation_id: correlation_id.to_owned(),
    };
    let describe = |category| describe_unreadable(status, headers, body.len(), category);
    // serde would also read a struct from a JSON array (`["…"]`): only an object is a reply.
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        let category = match serde_json::from_slice::<IgnoredAny>(body) {
            Ok(_) => serde_json::error::Category::Data,
            Err(err) => err.classify(),
        };
        return Err(unreadable(describe(category)));
    }
    let parsed: TokenReply =
        serde_json::from_slice(body).map_err(|err| unreadable(describe(err.classify())))?;
    if parsed.access_token.is_empty() {
        return Err(unreadable("the access token was empty".to_owned()));
    }
    Ok((
        SecretString::from(parsed.access_token),
        parsed.expires_in.lifetime(),
    ))
}

/// What was wrong with a token reply, in words that quote none of it.
pub(crate) fn describe_unreadable(
    status: u16,
    headers: &HeaderMap,
    bytes: usize,
    category: serde_json::error::Category,
) -> String {
    let content_type = content_type(headers);
    match category {
        serde_json::error::Category::Data => format!(
            "the token endpoint answered {status} with JSON that is not a token reply \
             ({bytes} bytes, {content_type}); none of it is shown, as it may hold a credential"
        ),
        _ => format!(
            "the token endpoint answered {status} with a body that is not JSON ({bytes} bytes, \
             {content_type}); none of it is shown, as it may hold a credential"
        ),
    }
}

/// The reply's content type when it looks like one (`type/subtype`, short), for messages: a
/// header a server filled with something else is not repeated either.
pub(crate) fn content_type(headers: &HeaderMap) -> String {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return "no content type".to_owned();
    };
    let essence = value
        .to_str()
        .ok()
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let token = |part: &str| {
        !part.is_empty()
            && part.len() <= 40
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$&^_.+-".contains(&b))
    };
    match essence.split_once('/') {
        Some((kind, sub)) if token(kind) && token(sub) => format!("content type {essence}"),
        _ => "a content type that is not a media type".to_owned(),
    }
}

#[cfg(test)]
#[allow(clippy::arithmetic_side_effects)] // tests build their inputs freely
mod tests;
