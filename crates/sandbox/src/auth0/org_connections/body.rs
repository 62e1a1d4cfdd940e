//! The bodies of an org-connection POST and PATCH: their fields per generation (the OAS
//! `additionalProperties: false` schemas), applied to a link, and Auth0's rules on the result.

use axum::body::Bytes;
use serde_json::{Map, Value};

use super::super::bad_request;
use super::super::state::Link;
use super::call::Generation;
use crate::api_error::ApiError;

/// The options a PATCH may set; a POST may also name `connection_id`.
fn options(generation: Generation) -> &'static [&'static str] {
    match generation {
        Generation::New => &[
            "organization_connection_name",
            "assign_membership_on_login",
            "show_as_button",
            "is_signup_enabled",
            "organization_access_level",
            "is_enabled",
        ],
        Generation::Old => &[
            "assign_membership_on_login",
            "show_as_button",
            "is_signup_enabled",
        ],
    }
}

/// A POST body's fields, checked for the generation's schema.
pub fn check_post(body: &Bytes, generation: Generation) -> Result<Map<String, Value>, ApiError> {
    check_body(body, true, options(generation), &[])
}

/// A PATCH body's fields, checked for the generation's schema (the new PATCH takes `null` for
/// three of them).
pub fn check_patch(body: &Bytes, generation: Generation) -> Result<Map<String, Value>, ApiError> {
    let nullable: &[&str] = match generation {
        Generation::New => &[
            "organization_connection_name",
            "organization_access_level",
            "is_enabled",
        ],
        Generation::Old => &[],
    };
    check_body(body, false, options(generation), nullable)
}

/// Field types and limits of the request bodies (the OAS `additionalProperties: false` schemas).
fn check_body(
    body: &Bytes,
    with_connection_id: bool,
    options: &[&str],
    nullable: &[&str],
) -> Result<Map<String, Value>, ApiError> {
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return Err(bad_request(
            "Payload validation error: 'Invalid JSON: expected an object'.",
            "invalid_body",
        ));
    };
    for (key, value) in &map {
        let allowed =
            (with_connection_id && key == "connection_id") || options.contains(&key.as_str());
        if !allowed {
            return Err(bad_request(
                &format!("Payload validation error: 'Additional properties not allowed: {key}'."),
                "invalid_body",
            ));
        }
        if value.is_null() && nullable.contains(&key.as_str()) {
            continue;
        }
        let valid = match key.as_str() {
            "connection_id" => value
                .as_str()
                .is_some_and(|s| (1..=50).contains(&s.chars().count())),
            "organization_connection_name" => value
                .as_str()
                .is_some_and(|s| (1..=50).contains(&s.chars().count()) && !s.contains('\0')),
            "organization_access_level" => value
                .as_str()
                .is_some_and(|s| matches!(s, "none" | "readonly" | "limited" | "full")),
            _ => value.is_boolean(),
        };
        if !valid {
            return Err(bad_request(
                &format!("Payload validation error: 'Invalid value for property {key}'."),
                "invalid_body",
            ));
        }
    }
    Ok(map)
}

pub fn apply_fields(link: &mut Link, map: &Map<String, Value>) {
    for (key, value) in map {
        match key.as_str() {
            "organization_connection_name" => {
                link.organization_connection_name = value.as_str().map(str::to_owned)
            }
            "organization_access_level" => {
                link.organization_access_level = value.as_str().unwrap_or("none").to_owned();
            }
            "assign_membership_on_login" => {
                link.assign_membership_on_login = value.as_bool().unwrap_or(false)
            }
            "show_as_button" => link.show_as_button = value.as_bool().unwrap_or(true),
            "is_signup_enabled" => link.is_signup_enabled = value.as_bool().unwrap_or(false),
            "is_enabled" => link.is_enabled = value.as_bool().unwrap_or(true),
            _ => {}
        }
    }
}

/// Auth0's business rules on the result of a write.
pub fn check_rules(link: &Link, strategy: &str) -> Result<(), ApiError> {
    if link.is_signup_enabled && (strategy != "auth0" || !link.assign_membership_on_login) {
        return Err(bad_request(
            "Only database connections with assign_membership_on_login = true support is_signup_enabled = true.",
            "invalid_body",
        ));
    }
    if link.organization_access_level != "none" && link.organization_connection_name.is_none() {
        return Err(bad_request(
            "organization_connection_name is required when organization_access_level is not none.",
            "invalid_body",
        ));
    }
    Ok(())
}
