//! Compare and copy in the console: make like, a run's items grouped by target, compare two
//! profiles (or a snapshot file and a profile), copy to the right, export a snapshot. The
//! inventory is read on tokio's blocking pool, as every other inventory read of the console.

use lanyard_model::compare::{CompareLeft, Comparison, MakeLike, RowKey, RunGroup};
use lanyard_model::error::{ConfigProblem, Work};

use super::Console;
use crate::compare::{self, Left};
use crate::error::CoreError;

impl Console {
    /// Plans "make like" on the profile; the run's id (it waits in Ready).
    pub async fn make_like_plan(
        &self,
        profile_id: &str,
        request: MakeLike,
    ) -> Result<String, CoreError> {
        let (profile, client) = self.client(profile_id).await?;
        compare::make_like(&self.runs, &self.stock, &profile, &client, &request).await
    }

    /// The run's items grouped by target, each named by its change.
    pub fn bulk_groups(&self, run_id: &str) -> Result<Vec<RunGroup>, CoreError> {
        self.runs.groups(run_id)
    }

    /// The left side of a compare, resolved (a file is read and checked here).
    async fn left(&self, left: CompareLeft) -> Result<Left, CoreError> {
        match left {
            CompareLeft::Profile { profile_id } => {
                Ok(Left::Profile(self.profile(&profile_id).await?))
            }
            CompareLeft::File { name, text } => {
                tokio::task::spawn_blocking(move || compare::read_file(&name, &text))
                    .await
                    .map_err(|e| stopped(Work::SnapshotRead, &e))?
            }
        }
    }

    /// Two sides compared by name, from the inventory.
    pub async fn compare_profiles(
        &self,
        left: CompareLeft,
        right_profile_id: &str,
        name_contains: Option<String>,
    ) -> Result<Comparison, CoreError> {
        let left = self.left(left).await?;
        let right = self.profile(right_profile_id).await?;
        let stock = self.stock.clone();
        tokio::task::spawn_blocking(move || {
            compare::compare(&stock, &left, &right, name_contains.as_deref())
        })
        .await
        .map_err(|e| stopped(Work::Compare, &e))?
    }

    /// The selected differences as a run on the right-hand profile; its id.
    pub async fn compare_copy(
        &self,
        left: CompareLeft,
        right_profile_id: &str,
        name_contains: Option<String>,
        rows: Vec<RowKey>,
    ) -> Result<String, CoreError> {
        let left = self.left(left).await?;
        let (right, client) = self.client(right_profile_id).await?;
        // The rows are compared again from the inventory, then journaled as a run (the runs are
        // borrowed, so not on the blocking pool: one read of each side, the warnings' checks
        // and one journal write).
        compare::copy(
            &self.runs,
            &self.stock,
            &left,
            &right,
            &client,
            name_contains.as_deref(),
            &rows,
        )
        .await
    }

    /// A profile's wiring as a snapshot file's text.
    pub async fn snapshot_export(
        &self,
        profile_id: &str,
        name_contains: Option<String>,
    ) -> Result<String, CoreError> {
        let profile = self.profile(profile_id).await?;
        let stock = self.stock.clone();
        tokio::task::spawn_blocking(move || {
            compare::export(&stock, &profile, name_contains.as_deref())
        })
        .await
        .map_err(|e| stopped(Work::SnapshotExport, &e))?
    }
}

/// `work` on the blocking pool ended before it answered (it panicked, or the runtime is
/// shutting down).
fn stopped(work: Work, err: &tokio::task::JoinError) -> CoreError {
    CoreError::Files(ConfigProblem::WorkStopped {
        work,
        detail: err.to_string(),
    })
}
