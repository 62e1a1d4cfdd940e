//! A call to an org-connection endpoint, checked before its handler runs: counted by
//! generation and operation, authorized, and refused on the new endpoints of a tenant without
//! the Early Access organization connections API.

use std::marker::PhantomData;
use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;

use super::super::access::{Authorized, Requirement};
use super::super::{Auth0, BucketKind, error};
use crate::api_error::ApiError;
use crate::json::lock;

/// The two generations of org-connection endpoints.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Generation {
    /// `/organizations/{id}/connections` (Early Access).
    New,
    /// `/organizations/{id}/enabled_connections`.
    Old,
}

impl Generation {
    /// The key of the list in a reply with totals or a checkpoint.
    pub fn list_key(self) -> &'static str {
        match self {
            Generation::New => "connections",
            Generation::Old => "enabled_connections",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Generation::New => "new",
            Generation::Old => "old",
        }
    }
}

/// A generation as a type, so that one handler serves the routes of both.
pub trait Endpoints: Send + Sync + 'static {
    const GENERATION: Generation;
}

pub struct NewEndpoints;
impl Endpoints for NewEndpoints {
    const GENERATION: Generation = Generation::New;
}

pub struct OldEndpoints;
impl Endpoints for OldEndpoints {
    const GENERATION: Generation = Generation::Old;
}

/// An operation on org connections: its scope and bucket, and its name in
/// `World::org_connection_calls`.
pub trait Operation: Requirement {
    const NAME: &'static str;
}

macro_rules! operations {
    ($($(#[$doc:meta])* $op:ident: $name:literal, $scope:literal, $bucket:ident;)*) => {$(
        $(#[$doc])*
        pub struct $op;
        impl Requirement for $op {
            const SCOPE: &'static str = $scope;
            const BUCKET: BucketKind = BucketKind::$bucket;
        }
        impl Operation for $op {
            const NAME: &'static str = $name;
        }
    )*};
}

operations! {
    List: "list", "read:organization_connections", Read;
    Get: "get", "read:organization_connections", Read;
    Add: "add", "create:organization_connections", Write;
    Update: "update", "update:organization_connections", Write;
    Remove: "remove", "delete:organization_connections", Write;
}

/// Proof that an `O` call on `G`'s endpoints was counted, authorized, and is not refused for
/// the tenant's missing feature.
pub struct OrgConnectionCall<G, O>(PhantomData<fn() -> (G, O)>);

impl<G: Endpoints, O: Operation> FromRequestParts<Arc<Auth0>> for OrgConnectionCall<G, O> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, tenant: &Arc<Auth0>) -> Result<Self, ApiError> {
        // Counted whether answered or refused.
        *lock(&tenant.world)
            .org_connection_calls
            .entry(format!("{}:{}", G::GENERATION.label(), O::NAME))
            .or_default() += 1;
        Authorized::<O>::from_request_parts(parts, tenant).await?;
        refuse_without_feature(tenant, G::GENERATION)?;
        Ok(Self(PhantomData))
    }
}

/// The answer of a tenant without the Early Access organization connections API, on the new
/// endpoints. Auth0 documents neither the status nor the body (API-NOTES 1.9): this 403 with an
/// `operation_not_supported` code is an inference, made in Auth0's error shape. It comes after
/// the token, scope and rate-limit checks, as a feature switch inside the handler would.
fn refuse_without_feature(tenant: &Auth0, generation: Generation) -> Result<(), ApiError> {
    if generation == Generation::New && tenant.legacy_only() {
        return Err(error(
            StatusCode::FORBIDDEN,
            "Forbidden",
            "The organization connections API is not enabled for this tenant.",
            Some("operation_not_supported"),
        ));
    }
    Ok(())
}
