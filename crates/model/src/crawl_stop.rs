//! Why a crawl stopped before its end, with what to do: typed, so the Inventory page words it
//! in the UI's language. The inventory keeps it with the crawl (its `crawls.message` column, as
//! this type's JSON); a row an earlier Lanyard wrote holds English words, read as
//! [`CrawlStop::Stored`]. `Display` is the English wording (logs, the e2e tests' texts).

use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::crawl::CrawlStep;
use crate::crawl::Targets;
use crate::error::CommandError;
use crate::inventory_problem::InventoryProblem;

/// What continues the crawl: said after each stop that a resume cures.
const RESUME: &str = "Resume continues where it stopped";

/// Why a crawl stopped: Lanyard's words of an earlier version, or a typed cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CrawlStop {
    /// Words an earlier Lanyard kept as text (or a stop this version cannot read), as written.
    Stored(String),
    Said(StopCause),
}

impl From<StopCause> for CrawlStop {
    fn from(cause: StopCause) -> Self {
        CrawlStop::Said(cause)
    }
}

/// Why a crawl stopped before its end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "stop", rename_all = "snake_case")]
pub enum StopCause {
    /// Lanyard stopped (closed, killed) while the crawl was reading.
    LanyardStopped,
    /// The user cancelled it.
    Cancelled,
    /// The inventory did not keep what was read: the crawl stopped rather than read it again.
    NotKept,
    /// The server said the last `count` targets do not exist, though its listing named them.
    TargetsGone { count: u32 },
    /// The task writing the inventory ended unexpectedly.
    WriterStopped,
    /// The task reading the inventory ended unexpectedly.
    ReaderStopped,
    /// The inventory could not be written at `step` (`detail`: the database's words).
    Unwritable { step: CrawlStep, detail: String },
    /// The inventory is not open (`reason`: why, as the inventory said it, when it said).
    InventoryClosed { reason: Option<InventoryProblem> },
    /// The inventory could not be read (`detail`: the database's words).
    Unreadable { detail: String },
    /// The server failed while the crawl read `reading`: the error as the window shows errors.
    ServerFailed {
        reading: CrawlReading,
        error: Box<CommandError>,
    },
}

/// What the crawl was reading from the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reading", rename_all = "snake_case")]
pub enum CrawlReading {
    /// A listing of these targets.
    Listing { targets: Targets },
    /// One target's wiring, by its name.
    Target { name: String },
}

impl fmt::Display for CrawlReading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CrawlReading::Listing { targets } => f.write_str(match targets {
                Targets::Organizations => "the organizations",
                Targets::Connections => "the connections",
                Targets::Instance => "the instance",
                Targets::LoginPolicies => "the login policies",
                Targets::IdentityProviders => "the identity providers",
                Targets::AuthModules => "the auth modules",
                Targets::Groups => "the groups",
            }),
            CrawlReading::Target { name } => write!(f, "\u{201c}{name}\u{201d}"),
        }
    }
}

impl fmt::Display for StopCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StopCause::LanyardStopped => {
                write!(f, "Lanyard stopped while this crawl was reading; {RESUME}")
            }
            StopCause::Cancelled => {
                write!(f, "Cancelled; what was read stays usable. {RESUME}.")
            }
            StopCause::NotKept => write!(
                f,
                "The inventory did not keep what was read, so the crawl stopped rather than read it again. {RESUME}."
            ),
            StopCause::TargetsGone { count } => write!(
                f,
                "The server said the last {count} targets do not exist, though its listing named them; check the profile's address on the Profiles page, then start the crawl again"
            ),
            StopCause::WriterStopped => {
                write!(f, "The inventory's writer stopped unexpectedly. {RESUME}.")
            }
            StopCause::ReaderStopped => {
                write!(f, "The inventory's reader stopped unexpectedly. {RESUME}.")
            }
            StopCause::Unwritable { step, detail } => write!(
                f,
                "The inventory could not {}: {detail}. {RESUME} once the inventory can be written.",
                step.words()
            ),
            StopCause::InventoryClosed { reason } => write!(
                f,
                "The inventory is not open ({}). {RESUME} once it is open.",
                reason
                    .as_ref()
                    .map_or_else(|| "it was not opened".to_owned(), ToString::to_string)
            ),
            StopCause::Unreadable { detail } => write!(
                f,
                "The inventory could not be read: {detail}. {RESUME} once it can be read."
            ),
            StopCause::ServerFailed { reading, error } => write!(
                f,
                "Stopped while reading {reading}: {}. {RESUME} once the server answers again.",
                error.to_string().trim_end_matches('.')
            ),
        }
    }
}

impl fmt::Display for CrawlStop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CrawlStop::Stored(text) => f.write_str(text),
            CrawlStop::Said(cause) => write!(f, "{cause}"),
        }
    }
}

impl CrawlStop {
    /// The stop as the inventory keeps it: a typed one as its JSON, stored words as written.
    pub fn to_stored(&self) -> String {
        match self {
            CrawlStop::Stored(text) => text.clone(),
            // It always serializes (an object of strings and numbers); were it not to, its words.
            CrawlStop::Said(cause) => {
                serde_json::to_string(cause).unwrap_or_else(|_| cause.to_string())
            }
        }
    }

    /// A stop as the inventory kept it: JSON of a typed one, else words written as text.
    pub fn from_stored(text: String) -> Self {
        match serde_json::from_str::<StopCause>(&text) {
            Ok(cause) => CrawlStop::Said(cause),
            Err(_) => CrawlStop::Stored(text),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::Product;

    fn causes() -> Vec<StopCause> {
        vec![
            StopCause::LanyardStopped,
            StopCause::Cancelled,
            StopCause::NotKept,
            StopCause::TargetsGone { count: 5 },
            StopCause::WriterStopped,
            StopCause::ReaderStopped,
            StopCause::Unwritable {
                step: CrawlStep::RecordRead,
                detail: "disk I/O error".into(),
            },
            StopCause::InventoryClosed { reason: None },
            StopCause::Unreadable {
                detail: "database is locked".into(),
            },
            StopCause::ServerFailed {
                reading: CrawlReading::Listing {
                    targets: Targets::Instance,
                },
                error: Box::new(CommandError::TimedOut {
                    product: Product::Zitadel,
                    host: "acme.zitadel.cloud".into(),
                    after_ms: 45_000,
                }),
            },
        ]
    }

    #[test]
    fn a_typed_stop_is_kept_as_json_and_read_back() {
        for cause in causes() {
            let stop = CrawlStop::from(cause);
            let kept = stop.to_stored();
            assert!(kept.starts_with("{\"stop\":"), "{kept}");
            assert_eq!(CrawlStop::from_stored(kept), stop);
        }
    }

    #[test]
    fn words_an_earlier_lanyard_kept_are_read_as_written() {
        let old = "Lanyard stopped while this crawl was reading; Resume continues where it stopped";
        let stop = CrawlStop::from_stored(old.to_owned());
        assert_eq!(stop, CrawlStop::Stored(old.to_owned()));
        assert_eq!(stop.to_string(), old);
        assert_eq!(stop.to_stored(), old);
        // The same words, now typed, say the same.
        assert_eq!(StopCause::LanyardStopped.to_string(), old);
        // A stop of a later Lanyard is kept as written too.
        let later = r#"{"stop":"from_the_future"}"#;
        assert_eq!(
            CrawlStop::from_stored(later.to_owned()),
            CrawlStop::Stored(later.to_owned())
        );
    }

    #[test]
    fn a_server_failure_names_what_was_read_once() {
        let text = causes().last().unwrap().to_string();
        assert!(
            text.starts_with("Stopped while reading the instance: ZITADEL at acme.zitadel.cloud"),
            "{text}"
        );
        assert!(text.ends_with("once the server answers again."), "{text}");
    }
}
