//! A single change from the UI: its preview and its apply, through [`crate::change`].

use lanyard_model::{Applied, Change, Plan};

use super::Console;
use crate::change;
use crate::error::CoreError;

impl Console {
    /// What the change will send, the target's state now (read live) and after.
    pub async fn change_preview(
        &self,
        profile_id: &str,
        change: &Change,
    ) -> Result<Plan, CoreError> {
        change::check(change)?;
        let change = &change.clone().item_named();
        let (profile, client) = self.client(profile_id).await?;
        change::preview(&client, &self.stock, &profile, change).await
    }

    /// Applies the change after checking it again (its rules, the production guard), and
    /// records it in the audit log.
    pub async fn change_apply(
        &self,
        profile_id: &str,
        change: &Change,
        confirm: Option<&str>,
    ) -> Result<Applied, CoreError> {
        change::check(change)?;
        let change = &change.clone().item_named();
        let profile = self.profile(profile_id).await?;
        change::guard(&profile, change, confirm)?;
        let result = match self.client(&profile.id).await {
            Ok((_, client)) => {
                // The organization's own ZITADEL policy, when chosen, first and audited apart.
                match change::own_policy_step(&self.audit, &profile, &client, change).await {
                    Ok(()) => change::apply(&client, &self.stock, &profile.id, change, true).await,
                    Err(err) => Err(err),
                }
            }
            Err(err) => Err(err),
        };
        change::log(&self.audit, &profile, change, result)
    }
}
