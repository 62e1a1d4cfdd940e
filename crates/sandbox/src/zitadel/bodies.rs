//! grpc-gateway's JSON as ZITADEL speaks it: request bodies read, list replies with their
//! `details`, and the `details` of a write.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::world::ZWorld;
use super::{Zitadel, error};
use crate::api_error::ApiError;
use crate::extract::BodyThen;
use crate::json::reply;

/// The request's JSON body (`{}` when empty), read before `P` is checked and parsed after it:
/// a bad token is refused before a bad body.
pub struct JsonBody<P>(pub Value, pub P);

impl<P> FromRequest<Arc<Zitadel>> for JsonBody<P>
where
    P: FromRequestParts<Arc<Zitadel>>,
{
    type Rejection = Response;

    async fn from_request(request: Request, z: &Arc<Zitadel>) -> Result<Self, Response> {
        let BodyThen(bytes, checked) = BodyThen::<P>::from_request(request, z).await?;
        let body = body_json(&bytes).map_err(IntoResponse::into_response)?;
        Ok(Self(body, checked))
    }
}

fn body_json(body: &Bytes) -> Result<Value, ApiError> {
    if body.is_empty() {
        return Ok(json!({}));
    }
    serde_json::from_slice(body).map_err(|_| error(3, "REST-0sbv1", "invalid JSON body"))
}

/// `query.offset` (a string or a number) and `query.limit`; 0 means no limit.
fn window(body: &Value) -> (usize, usize) {
    let q = &body["query"];
    let offset = q["offset"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .or_else(|| q["offset"].as_u64())
        .unwrap_or(0);
    let limit = q["limit"].as_u64().unwrap_or(0);
    (
        offset as usize,
        if limit == 0 {
            usize::MAX
        } else {
            limit as usize
        },
    )
}

pub fn list_reply(items: Vec<Value>, body: &Value, sequence: u64) -> Response {
    let total = items.len();
    let (offset, limit) = window(body);
    let page: Vec<Value> = items.into_iter().skip(offset).take(limit).collect();
    let mut details =
        json!({"processedSequence": sequence.to_string(), "viewTimestamp": "2026-11-23T00:00:00Z"});
    if total > 0 {
        details["totalResult"] = total.to_string().into();
    }
    let mut out = json!({"details": details});
    if !page.is_empty() {
        out["result"] = Value::Array(page);
    }
    reply(StatusCode::OK, out)
}

pub fn link_json(w: &ZWorld, idp_id: &str) -> Value {
    let idp = w.idps.iter().find(|i| i.id == idp_id);
    // Only OIDC and JWT are told apart by this API; the template kinds read UNSPECIFIED.
    let kind = match idp.map(|i| i.kind) {
        Some("PROVIDER_TYPE_OIDC") => "IDP_TYPE_OIDC",
        Some("PROVIDER_TYPE_JWT") => "IDP_TYPE_JWT",
        _ => "IDP_TYPE_UNSPECIFIED",
    };
    json!({"idpId": idp_id, "idpName": idp.map(|i| i.name.as_str()).unwrap_or_default(), "idpType": kind})
}

pub fn write_details(w: &mut ZWorld, created: bool, owner: &str) -> Response {
    w.sequence += 1;
    let date_key = if created {
        "creationDate"
    } else {
        "changeDate"
    };
    let mut details = json!({"sequence": w.sequence.to_string(), "resourceOwner": owner});
    details[date_key] = "2026-11-23T00:00:00Z".into();
    reply(StatusCode::OK, json!({"details": details}))
}

pub fn idp_id_from(body: &Value) -> Result<String, ApiError> {
    let id = body
        .get("idpId")
        .or_else(|| body.get("idp_id"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    if id.is_empty() || id.chars().count() > 200 {
        return Err(error(3, "INSTANCE-9nf88", "invalid IDP"));
    }
    Ok(id.to_owned())
}
