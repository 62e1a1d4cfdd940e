//! A run's share of the write rate: set before it starts or while it is paused, journaled with
//! the run, and used by its sends from the next write on (see `lanyard_providers::with_share`).

use lanyard_model::bulk::{ItemPage, RateShare, RunState, RunView};
use lanyard_model::error::StateChange;

use super::Runs;
use crate::error::CoreError;

impl Runs {
    /// Sets run `id`'s share of each write bucket. Refused while the run is running (pause it
    /// first) and once it is over.
    pub fn set_rate_share(&self, id: &str, share: RateShare) -> Result<RunView, CoreError> {
        let live = self.live(id)?;
        {
            let mut record = live.record();
            match record.state {
                RunState::Planning | RunState::Ready | RunState::Paused | RunState::Interrupted => {
                }
                state @ (RunState::Running | RunState::Finished | RunState::Cancelled) => {
                    return Err(CoreError::Refused(StateChange::RateShareRefused { state }));
                }
            }
            if record.rate_share != share {
                // The run changes only once its journal has.
                let before = record.rate_share;
                record.rate_share = share;
                if let Err(err) = self.journal.save_run(&record) {
                    record.rate_share = before;
                    return Err(err);
                }
            }
        }
        self.view_page(id, &ItemPage::none())
    }
}
