//! Hub's query language, the part Lanyard's pickers use: `name: X` (braces around names with
//! spaces), `id: X`, `is: autoJoin | allUsers | registeredUsers | disabled`, `type: X`,
//! `has: user`, free text, joined with `and` / `or`.

use serde_json::Value;

/// Whether an entity (as its full JSON) matches the query.
pub fn matches(v: &Value, query: &str) -> bool {
    split_words(query, " or ")
        .iter()
        .any(|alt| split_words(alt, " and ").iter().all(|t| term(v, t)))
}

/// Splits on a keyword outside braces, case-insensitively.
fn split_words(s: &str, sep: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    let mut out = Vec::new();
    let (mut depth, mut start, mut i) = (0i32, 0usize, 0usize);
    let bytes = lower.as_bytes();
    while i < bytes.len() {
        match bytes[i] {
            b'{' => depth += 1,
            b'}' => depth -= 1,
            _ if depth == 0 && lower[i..].starts_with(sep) => {
                out.push(s[start..i].to_owned());
                i += sep.len();
                start = i;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(s[start..].to_owned());
    out
}

fn text(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_lowercase()
}

fn term(v: &Value, raw: &str) -> bool {
    let raw = raw.trim();
    if raw.is_empty() {
        return true;
    }
    let unbrace = |s: &str| {
        s.trim()
            .trim_start_matches('{')
            .trim_end_matches('}')
            .trim()
            .to_lowercase()
    };
    let Some((key, value)) = raw.split_once(':').filter(|(k, _)| !k.contains(' ')) else {
        let needle = unbrace(raw);
        return text(v, "name").contains(&needle) || text(v, "description").contains(&needle);
    };
    let value = unbrace(value);
    match key.trim().to_lowercase().as_str() {
        "name" => text(v, "name") == value,
        "id" => text(v, "id") == value,
        "type" => {
            let kind = text(v, "$type");
            kind == value || kind.trim_end_matches("authmodulejson") == value
        }
        "is" => match value.as_str() {
            "autojoin" => v["autoJoin"] == Value::Bool(true),
            "allusers" => v["allUsers"] == Value::Bool(true),
            "registeredusers" => v["registeredUsers"] == Value::Bool(true),
            "disabled" => v["disabled"] == Value::Bool(true),
            _ => false,
        },
        "has" if value == "user" => {
            v["userCount"].as_u64().unwrap_or(0) > 0 || v["accountsSize"].as_u64().unwrap_or(0) > 0
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_ids_flags_and_free_text() {
        let g = json!({"id": "g1", "name": "Support Leads", "description": "Leads of support", "autoJoin": true, "userCount": 3});
        assert!(matches(&g, "name: {Support Leads}"));
        assert!(!matches(&g, "name: Support"));
        assert!(matches(&g, "id: G1"));
        assert!(matches(&g, "is: autoJoin"));
        assert!(matches(&g, "is: autoJoin and has: user"));
        assert!(!matches(&g, "is: allUsers"));
        assert!(matches(&g, "is: allUsers or name: {support leads}"));
        assert!(matches(&g, "leads"));
        assert!(!matches(&g, "finance"));
    }
}
