//! Hub's list and entity replies: `query`, `$skip`/`$top`, and the `fields` projection.

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::{bad_request, projection, query};
use crate::api_error::ApiError;
use crate::json::reply;

pub type Params = axum::extract::Query<Vec<(String, String)>>;

fn param<'a>(q: &'a [(String, String)], key: &str) -> Option<&'a str> {
    q.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// The `fields` parameter (`id` when absent).
fn fields(q: &[(String, String)]) -> Result<projection::Fields, ApiError> {
    projection::parse(param(q, "fields").unwrap_or("id"))
        .ok_or_else(|| bad_request("Invalid fields parameter: unbalanced parentheses"))
}

/// Applies `query`, `$skip`/`$top` and `fields`, and wraps in Hub's page.
pub fn page(items: Vec<Value>, q: &[(String, String)], key: &str) -> Result<Response, ApiError> {
    let filtered: Vec<Value> = match param(q, "query").map(str::trim).filter(|s| !s.is_empty()) {
        None => items,
        Some(text) => items
            .into_iter()
            .filter(|v| query::matches(v, text))
            .collect(),
    };
    let skip = param(q, "$skip")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(0);
    let top = param(q, "$top")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(100);
    let fields = fields(q)?;
    let total = filtered.len();
    let slice: Vec<Value> = filtered
        .iter()
        .skip(skip)
        .take(top)
        .map(|v| projection::project(v, &fields))
        .collect();
    let mut body = json!({"skip": skip, "top": top, "total": total});
    body[key] = Value::Array(slice);
    Ok(reply(StatusCode::OK, body))
}

/// One entity, projected to `fields`.
pub fn projected(value: Value, q: &[(String, String)]) -> Result<Response, ApiError> {
    Ok(reply(
        StatusCode::OK,
        projection::project(&value, &fields(q)?),
    ))
}
