//! Hub's `fields` projection: only the named fields come back, nested with parentheses.

use serde_json::{Map, Value};

/// A parsed `fields` value: field name -> sub-fields (empty = the whole value).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fields(pub Vec<(String, Fields)>);

/// Parses `id,name,parent(id,name)`; `None` when the parentheses do not match.
pub fn parse(spec: &str) -> Option<Fields> {
    let (fields, rest) = parse_list(spec.as_bytes(), 0)?;
    (rest == spec.len()).then_some(fields)
}

fn parse_list(s: &[u8], mut i: usize) -> Option<(Fields, usize)> {
    let mut out = Vec::new();
    loop {
        let start = i;
        while i < s.len() && !matches!(s[i], b',' | b'(' | b')') {
            i += 1;
        }
        let name = std::str::from_utf8(&s[start..i]).ok()?.trim().to_owned();
        let mut sub = Fields::default();
        if i < s.len() && s[i] == b'(' {
            let (inner, next) = parse_list(s, i + 1)?;
            if next >= s.len() || s[next] != b')' {
                return None;
            }
            sub = inner;
            i = next + 1;
        }
        if !name.is_empty() {
            out.push((name, sub));
        }
        if i < s.len() && s[i] == b',' {
            i += 1;
            continue;
        }
        return Some((Fields(out), i));
    }
}

/// `value` with only the fields in `fields`; arrays are projected element by element.
pub fn project(value: &Value, fields: &Fields) -> Value {
    if fields.0.is_empty() {
        return value.clone();
    }
    match value {
        Value::Array(items) => Value::Array(items.iter().map(|v| project(v, fields)).collect()),
        Value::Object(map) => {
            let mut out = Map::new();
            // Hub always names the type of an entity.
            if let Some(t) = map.get("$type") {
                out.insert("$type".to_owned(), t.clone());
            }
            for (name, sub) in &fields.0 {
                if let Some(v) = map.get(name) {
                    out.insert(name.clone(), project(v, sub));
                }
            }
            Value::Object(out)
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_named_fields_come_back() {
        let f = parse("id,name,parent(id)").unwrap();
        let v = json!({"$type": "UserGroup", "id": "g", "name": "QA", "userCount": 3, "parent": {"id": "p", "name": "All"}});
        assert_eq!(
            project(&v, &f),
            json!({"$type": "UserGroup", "id": "g", "name": "QA", "parent": {"id": "p"}})
        );
        assert_eq!(parse("id,(name"), None);
        assert_eq!(parse("id,name)"), None);
    }
}
