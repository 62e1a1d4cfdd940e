//! The tenant's connections: the list (filtered by strategy and name) and one by id.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::access::{Authorized, Requirement};
use super::paging::{self, param};
use super::state::Conn;
use super::{Auth0, BucketKind, inexistent_connection};
use crate::api_error::ApiError;
use crate::json::{lock, reply};

pub struct ReadConnections;
impl Requirement for ReadConnections {
    const SCOPE: &'static str = "read:connections";
    const BUCKET: BucketKind = BucketKind::Connections;
}

fn connection_json(c: &Conn) -> Value {
    json!({"id": c.id, "name": c.name, "strategy": c.strategy, "display_name": c.name, "realms": [c.name]})
}

pub async fn list(
    State(t): State<Arc<Auth0>>,
    Query(q): paging::Params,
    _: Authorized<ReadConnections>,
) -> Result<Response, ApiError> {
    let mode = paging::mode(&q, 100, true)?;
    let strategies: Vec<&str> = q
        .iter()
        .filter(|(k, _)| k == "strategy")
        .map(|(_, v)| v.as_str())
        .collect();
    let name = param(&q, "name");
    let items: Vec<Value> = lock(&t.world)
        .connections
        .iter()
        .filter(|c| strategies.is_empty() || strategies.contains(&c.strategy.as_str()))
        .filter(|c| name.is_none_or(|n| c.name == n))
        .map(connection_json)
        .collect();
    let body = paging::page(items, "connections", mode, false)?;
    Ok(reply(StatusCode::OK, body))
}

pub async fn get(
    State(t): State<Arc<Auth0>>,
    Path(id): Path<String>,
    _: Authorized<ReadConnections>,
) -> Result<Response, ApiError> {
    let world = lock(&t.world);
    let connection = world.connection(&id).ok_or_else(inexistent_connection)?;
    Ok(reply(StatusCode::OK, connection_json(connection)))
}
