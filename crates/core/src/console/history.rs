//! An Auth0 organization's history: the tenant's own log entries next to Lanyard's audit
//! entries for it (see [`crate::history`]).

use lanyard_model::history::OrganizationHistory;
use lanyard_model::ids::OrganizationId;

use super::Console;
use crate::error::CoreError;

impl Console {
    /// Who changed the organization's connections, and when: the tenant's logs (a missing
    /// `read:logs` scope is said in the answer) and Lanyard's own audit entries for it.
    pub async fn auth0_history(
        &self,
        profile_id: &str,
        organization_id: &OrganizationId,
    ) -> Result<OrganizationHistory, CoreError> {
        let (_, client) = self.client(profile_id).await?;
        let auth0 = client.auth0()?;
        // An unreadable audit log leaves Lanyard's side empty; the tenant's side still answers.
        let lanyard = match self.audit.read() {
            Ok(read) => read
                .entries
                .into_iter()
                .filter(|e| {
                    e.profile_id == profile_id
                        && e.targets.iter().any(|t| t.id == organization_id.as_str())
                })
                .collect(),
            Err(err) => {
                tracing::warn!(%err, "the audit log could not be read for a history");
                Vec::new()
            }
        };
        Ok(crate::history::organization_history(auth0, organization_id, lanyard).await)
    }
}
