//! Deserializers for what real services send: ZITADEL writes 64-bit numbers as strings and
//! leaves zero values out; some fields come as a number or as a string.

use serde::{Deserialize, Deserializer};

#[derive(Deserialize)]
#[serde(untagged)]
enum NumberOrString {
    Number(u64),
    Text(String),
}

/// A u64 sent as a JSON number or as a string of digits; absent or null is 0.
pub fn u64_any<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    match Option::<NumberOrString>::deserialize(d)? {
        None => Ok(0),
        Some(NumberOrString::Number(n)) => Ok(n),
        Some(NumberOrString::Text(s)) if s.is_empty() => Ok(0),
        Some(NumberOrString::Text(s)) => s.parse().map_err(serde::de::Error::custom),
    }
}

/// An error code sent as a number (gRPC over REST) or a string (Connect protocol).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(untagged)]
pub enum Code {
    Number(i64),
    Text(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct T {
        #[serde(default, deserialize_with = "u64_any")]
        n: u64,
    }

    #[test]
    fn numbers_as_strings_numbers_or_absent() {
        assert_eq!(serde_json::from_str::<T>(r#"{"n":"254"}"#).unwrap().n, 254);
        assert_eq!(serde_json::from_str::<T>(r#"{"n":7}"#).unwrap().n, 7);
        assert_eq!(serde_json::from_str::<T>(r#"{}"#).unwrap().n, 0);
        assert_eq!(serde_json::from_str::<T>(r#"{"n":null}"#).unwrap().n, 0);
        assert!(serde_json::from_str::<T>(r#"{"n":"x"}"#).is_err());
    }
}
