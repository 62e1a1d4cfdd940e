//! Tenant logs: `GET /api/v2/logs` (`read:logs`), with Auth0's two modes (API-NOTES-WARNINGS
//! §5): search (`q`, `page`, `per_page` ≤ 100, `sort`, at most 1,000 results) and checkpoint
//! (`from` a log_id, `take` ≤ 100; every other parameter ignored). The write handlers record a
//! `sapi` entry per successful Management API write, with the caller (the M2M client, or a
//! Dashboard admin in `details.request.auth.user` for seeded entries), the request and the reply.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::access::{Authorized, Requirement};
use super::paging::{self, param};
use super::state::World;
use super::{Auth0, BucketKind, bad_request};
use crate::api_error::ApiError;
use crate::json::{lock, reply};

pub struct ReadLogs;
impl Requirement for ReadLogs {
    const SCOPE: &'static str = "read:logs";
    const BUCKET: BucketKind = BucketKind::Logs;
}

/// Who made a write.
#[derive(Debug, Clone, Copy)]
pub enum Caller<'a> {
    /// A Dashboard admin (channel `https://manage.auth0.com/`).
    Dashboard {
        email: &'a str,
        name: &'a str,
        user_id: &'a str,
    },
    /// A machine-to-machine client: `user_id` is empty and `client_id` names the caller.
    Client {
        client_id: &'a str,
        client_name: &'a str,
    },
}

/// A successful write, as its log entry records it.
pub struct Write<'a> {
    pub ago_seconds: i64,
    pub description: &'a str,
    /// Lowercase, as Auth0 logs it.
    pub method: &'a str,
    pub path: &'a str,
    pub body: Value,
    pub status: u16,
    pub caller: Caller<'a>,
}

pub fn date(ago_seconds: i64) -> String {
    let at = SystemTime::now()
        .checked_sub(Duration::from_secs(ago_seconds.max(0).unsigned_abs()))
        .unwrap_or(SystemTime::UNIX_EPOCH);
    time::OffsetDateTime::from(at)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

pub fn next_id(w: &mut World) -> String {
    w.next_log += 1;
    // Auth0's log ids are long digit strings that sort in the order they were written.
    format!("900202609{:047}", w.next_log)
}

/// Appends the `sapi` entry of a successful write.
pub fn record(w: &mut World, write: Write<'_>) {
    let log_id = next_id(w);
    let (client_id, client_name, user_id, channel, auth) = match write.caller {
        Caller::Dashboard {
            email,
            name,
            user_id,
        } => (
            "dAsHbOaRd00000000000000000000000",
            "",
            user_id,
            "https://manage.auth0.com/",
            json!({"strategy": "jwt", "credentials": {"jti": format!("jti{log_id}")},
                "user": {"email": email, "name": name, "user_id": user_id}}),
        ),
        Caller::Client {
            client_id,
            client_name,
        } => (
            client_id,
            client_name,
            "",
            "api",
            json!({"strategy": "jwt", "credentials": {"jti": format!("jti{log_id}"), "scopes": []}}),
        ),
    };
    w.logs.push(json!({
        "date": date(write.ago_seconds),
        "type": "sapi",
        "description": write.description,
        "client_id": client_id,
        "client_name": client_name,
        "ip": "127.0.0.1",
        "user_agent": "lanyard-sandbox",
        "user_id": user_id,
        "log_id": log_id,
        "tenant_name": "northwind-sandbox",
        "details": {
            "request": {"method": write.method, "path": write.path, "query": {}, "body": write.body,
                "channel": channel, "ip": "127.0.0.1", "auth": auth},
            "response": {"statusCode": write.status, "body": {}},
        },
    }));
}

/// Whether `entry` matches one `field:value` term of `q` (`*` wildcards anywhere, as Auth0's
/// search allows; `date:[from TO *]` ranges).
fn term_matches(entry: &Value, term: &str) -> Result<bool, ApiError> {
    let invalid = || bad_request("Query validation error: invalid query", "invalid_query");
    let (field, value) = term.split_once(':').ok_or_else(invalid)?;
    const SEARCHABLE: &[&str] = &[
        "client_id",
        "client_name",
        "connection",
        "description",
        "date",
        "ip",
        "log_id",
        "organization_id",
        "type",
        "user_id",
        "user_name",
    ];
    if !SEARCHABLE.contains(&field) {
        return Err(invalid());
    }
    let text = entry.get(field).and_then(Value::as_str).unwrap_or_default();
    if field == "date" {
        let range = value
            .strip_prefix('[')
            .and_then(|v| v.strip_suffix(']'))
            .ok_or_else(invalid)?;
        let (from, to) = range.split_once(" TO ").ok_or_else(invalid)?;
        return Ok((from == "*" || text >= from) && (to == "*" || text <= to));
    }
    let value = value.trim_matches('"');
    let core = value.trim_matches('*');
    Ok(match (value.starts_with('*'), value.ends_with('*')) {
        (true, true) => text.contains(core),
        (true, false) => text.ends_with(core),
        (false, true) => text.starts_with(core),
        (false, false) => text == core,
    })
}

pub async fn list(
    State(t): State<Arc<Auth0>>,
    Query(q): paging::Params,
    _: Authorized<ReadLogs>,
) -> Result<Response, ApiError> {
    let w = lock(&t.world);
    if let Some(from) = param(&q, "from") {
        // Checkpoint mode: entries after `from`, in log_id order; every other parameter but
        // `take` is ignored.
        let take = take(&q)?;
        let items: Vec<Value> = w
            .logs
            .iter()
            .filter(|e| e["log_id"].as_str().is_some_and(|id| id > from))
            .take(take)
            .cloned()
            .collect();
        return Ok(reply(StatusCode::OK, Value::Array(items)));
    }
    let mut items: Vec<&Value> = Vec::new();
    let query = param(&q, "q").unwrap_or_default();
    'entries: for entry in &w.logs {
        for term in query
            .split(" AND ")
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            if !term_matches(entry, term)? {
                continue 'entries;
            }
        }
        items.push(entry);
    }
    if param(&q, "sort") == Some("date:-1") {
        items.reverse();
    }
    let per_page = match param(&q, "per_page") {
        None => 50,
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| *n <= 100)
            .ok_or_else(|| {
                bad_request(
                    "Query validation error: 'per_page' must be an integer between 0 and 100",
                    "invalid_query_string",
                )
            })?,
    };
    let page = param(&q, "page")
        .map(|v| v.parse::<usize>())
        .transpose()
        .map_err(|_| bad_request("Query validation error: 'page'", "invalid_query_string"))?
        .unwrap_or(0);
    if (page + 1) * per_page > 1000 {
        return Err(bad_request(
            "You can only page through the first 1000 records",
            "invalid_paging",
        ));
    }
    let slice: Vec<Value> = items
        .into_iter()
        .skip(page * per_page)
        .take(per_page)
        .cloned()
        .collect();
    if param(&q, "include_totals") == Some("true") {
        let length = slice.len();
        return Ok(reply(
            StatusCode::OK,
            json!({"start": page * per_page, "limit": per_page, "length": length, "total": length, "logs": slice}),
        ));
    }
    Ok(reply(StatusCode::OK, Value::Array(slice)))
}

fn take(q: &[(String, String)]) -> Result<usize, ApiError> {
    match param(q, "take") {
        None => Ok(50),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .ok_or_else(|| {
                bad_request(
                    "Query validation error: 'take' must be an integer between 1 and 100",
                    "invalid_query_string",
                )
            }),
    }
}
