//! Auth0 changes to an organization's connections. Each is settled by reading the association
//! back when the reply does not say what happened (lost, broken off, redirected, HTML, the
//! wrong shape), and a 409 on enable or a 404 on remove by reading what is there.

use lanyard_model::HttpRequest;
use lanyard_model::auth0::{EnableConnection, OrgConnection, UpdateConnection};
use lanyard_model::ids::{ConnectionId, OrganizationId};

use super::generation::Op;
use super::{Auth0Client, Endpoints, Payload, Target};
use crate::error::ProviderError;
use crate::http::{Product, Reply};
use crate::outcome::{self, Done, Operation};

const ONE: &str = "an organization connection";

/// The association a write's reply describes; a reply about another connection confirms
/// nothing.
fn described(reply: &Reply, connection: &ConnectionId) -> Result<OrgConnection, ProviderError> {
    let found: OrgConnection = outcome::from_reply(reply, ONE)?;
    if found.connection_id == connection.as_str() {
        return Ok(found);
    }
    Err(ProviderError::OutcomeUnknown {
        product: Product::Auth0,
        cause: crate::error::clip(&format!(
            "its answer describes connection {} where {connection} was sent",
            found.connection_id
        )),
        correlation_id: reply.correlation_id.clone(),
    })
}

impl Auth0Client {
    /// The request [`Self::enable`] would send now, on the endpoints this client has learned
    /// the tenant answers (the Early Access ones until it learns otherwise). An option the old
    /// endpoints have no field for is the error the enable would end in.
    pub fn describe_enable(
        &self,
        org: &OrganizationId,
        request: &EnableConnection,
    ) -> Result<HttpRequest, ProviderError> {
        self.describe(Op::Add, org, None, Payload::Enable(request))
    }

    /// The request [`Self::update`] would send now, as [`Self::describe_enable`].
    pub fn describe_update(
        &self,
        org: &OrganizationId,
        connection: &ConnectionId,
        update: &UpdateConnection,
    ) -> Result<HttpRequest, ProviderError> {
        self.describe(Op::Update, org, Some(connection), Payload::Update(update))
    }

    /// The request [`Self::remove`] would send now, as [`Self::describe_enable`].
    pub fn describe_remove(
        &self,
        org: &OrganizationId,
        connection: &ConnectionId,
    ) -> Result<HttpRequest, ProviderError> {
        self.describe(Op::Remove, org, Some(connection), Payload::None)
    }

    fn describe(
        &self,
        op: Op,
        org: &OrganizationId,
        connection: Option<&ConnectionId>,
        payload: Payload<'_>,
    ) -> Result<HttpRequest, ProviderError> {
        let old = self.endpoints() == Endpoints::Old;
        let target = Target { org, connection };
        // Nothing is sent, so no correlation id goes with an error.
        let request = Self::org_request(op, target, payload, &[], old, "")?;
        self.http.describe(&request)
    }

    /// Sends a change to `org`'s connections (to `connection`, for one of them) within the
    /// operation's write deadline.
    async fn write(
        &self,
        op: Op,
        org: &OrganizationId,
        connection: Option<&ConnectionId>,
        payload: Payload<'_>,
        operation: &Operation,
    ) -> Result<Reply, ProviderError> {
        let target = Target { org, connection };
        let for_write = operation.for_write();
        let (reply, _) = self
            .org_call(op, target, payload, Vec::new(), &for_write)
            .await?;
        Ok(reply)
    }

    /// Enables a connection for an organization. A 409, or a reply that does not say what
    /// happened, is settled by reading the connection back: the caller learns what is true,
    /// and nothing is sent twice.
    pub async fn enable(
        &self,
        org: &OrganizationId,
        request: &EnableConnection,
    ) -> Result<Done<OrgConnection>, ProviderError> {
        let operation = Operation::new(&self.http);
        let sent = self
            .write(Op::Add, org, None, Payload::Enable(request), &operation)
            .await
            .and_then(|reply| described(&reply, &request.connection_id));
        match sent {
            Ok(made) => Ok(Done::applied(made, operation.id)),
            Err(err) if err.is_status(409) => {
                match self
                    .read_one(org, &request.connection_id, &operation)
                    .await?
                {
                    Some(current) => Ok(Done::already(current, operation.id)),
                    None => Err(err),
                }
            }
            Err(ProviderError::OutcomeUnknown { cause, .. }) => {
                let read = self.read_one(org, &request.connection_id, &operation);
                outcome::settle(Product::Auth0, cause, operation.id.clone(), read).await
            }
            Err(err) => Err(err),
        }
    }

    /// Changes an enabled connection's options. A reply that does not say what happened is
    /// settled by reading the options back: confirmed when they are as the update wanted.
    pub async fn update(
        &self,
        org: &OrganizationId,
        connection: &ConnectionId,
        update: &UpdateConnection,
    ) -> Result<Done<OrgConnection>, ProviderError> {
        let operation = Operation::new(&self.http);
        let payload = Payload::Update(update);
        let sent = self
            .write(Op::Update, org, Some(connection), payload, &operation)
            .await
            .and_then(|reply| described(&reply, connection));
        match sent {
            Ok(now) => Ok(Done::applied(now, operation.id)),
            Err(ProviderError::OutcomeUnknown { cause, .. }) => {
                let read = async {
                    let now = self.read_one(org, connection, &operation).await?;
                    Ok(now.filter(|now| update.apply_to(&now.settings()) == now.settings()))
                };
                outcome::settle(Product::Auth0, cause, operation.id.clone(), read).await
            }
            Err(err) => Err(err),
        }
    }

    /// Removes a connection from an organization; a 404 confirmed by a read counts as done,
    /// and a reply that does not say what happened is settled by a read.
    pub async fn remove(
        &self,
        org: &OrganizationId,
        connection: &ConnectionId,
    ) -> Result<Done<()>, ProviderError> {
        let operation = Operation::new(&self.http);
        let sent = self
            .write(Op::Remove, org, Some(connection), Payload::None, &operation)
            .await
            .and_then(|reply| outcome::empty_or_json(&reply));
        match sent {
            Ok(()) => Ok(Done::applied((), operation.id)),
            Err(err) if err.is_status(404) => {
                match self.read_one(org, connection, &operation).await? {
                    None => Ok(Done::already((), operation.id)),
                    Some(_) => Err(err),
                }
            }
            Err(ProviderError::OutcomeUnknown { cause, .. }) => {
                let read = async {
                    let now = self.read_one(org, connection, &operation).await?;
                    Ok(now.is_none().then_some(()))
                };
                outcome::settle(Product::Auth0, cause, operation.id.clone(), read).await
            }
            Err(err) => Err(err),
        }
    }
}
