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

/// The items of a JSON list, each read as `T` from an object. Serde would read a struct from
/// an array too (fields in order, missing ones defaulted), so `["con_1"]` would pass for a
/// connection; an item that is not an object is an error here.
pub fn objects<T: serde::de::DeserializeOwned>(list: &serde_json::Value) -> Result<Vec<T>, String> {
    let items = list
        .as_array()
        .ok_or_else(|| format!("expected a list, found {}", kind(list)))?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            if !item.is_object() {
                return Err(format!("item {i} is {}, not an object", kind(item)));
            }
            serde_json::from_value(item.clone()).map_err(|e| format!("item {i}: {e}"))
        })
        .collect()
}

fn kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
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

    #[derive(Deserialize, Debug)]
    struct Item {
        #[allow(dead_code)]
        id: String,
    }

    #[test]
    fn list_items_are_read_only_from_objects() {
        let ok = serde_json::json!([{"id": "a"}, {"id": "b", "more": 1}]);
        assert_eq!(objects::<Item>(&ok).unwrap().len(), 2);
        for bad in [
            serde_json::json!([["a"]]),
            serde_json::json!([{"id": "a"}, "b"]),
            serde_json::json!({"id": "a"}),
            serde_json::json!(null),
        ] {
            assert!(objects::<Item>(&bad).is_err(), "{bad}");
        }
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
