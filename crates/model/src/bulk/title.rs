//! A run's title: what it does, typed (the UI words it in the user's language; `Display` is the
//! English, for logs). A title journaled before it was typed is a plain string and loads as
//! [`RunTitle::Stored`], shown as it was written.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::change::Label;
use crate::product::{Product, words};

/// What a run does, as the run list, its page and the audit log name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "title", rename_all = "snake_case")]
pub enum RunTitle {
    /// Auth0: enable a connection for organizations.
    EnableConnection {
        connection: String,
        organizations: usize,
    },
    /// Auth0: disable a connection (kept, turned off) for organizations.
    DisableConnection {
        connection: String,
        organizations: usize,
    },
    /// Auth0: change a connection's options on organizations.
    ChangeConnection {
        connection: String,
        organizations: usize,
    },
    /// Auth0: remove a connection from organizations.
    RemoveConnection {
        connection: String,
        organizations: usize,
    },
    /// ZITADEL: link identity providers to the login policy of an organization or the instance.
    LinkProviders {
        policy_of: Label,
        providers: usize,
    },
    UnlinkProviders {
        policy_of: Label,
        providers: usize,
    },
    /// Hub: add a group to the auto-join groups of auth modules.
    AddGroup {
        group: String,
        modules: usize,
    },
    RemoveGroup {
        group: String,
        modules: usize,
    },
    /// The run that undoes another: the title of the run it undoes, and its reversals.
    Undo {
        of: Box<RunTitle>,
        items: usize,
    },
    /// Make targets like a source target (one target by its name, else how many).
    MakeLike {
        product: Product,
        targets: usize,
        first: String,
        source: String,
        remove_extra: bool,
        changes: usize,
    },
    /// Copy differences from one side of a compare to the other.
    Copy {
        differences: usize,
        from: String,
        to: String,
    },
    /// A title journaled before titles were typed: shown as written.
    #[serde(untagged)]
    Stored(String),
}

/// "1 organization", "3 organizations".
fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

impl fmt::Display for RunTitle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let orgs = |n: usize| counted(n, "organization", "organizations");
        let idps = |n: usize| counted(n, "identity provider", "identity providers");
        let modules = |n: usize| counted(n, "auth module", "auth modules");
        match self {
            RunTitle::EnableConnection {
                connection,
                organizations,
            } => write!(f, "Enable {connection} for {}", orgs(*organizations)),
            RunTitle::DisableConnection {
                connection,
                organizations,
            } => write!(f, "Disable {connection} for {}", orgs(*organizations)),
            RunTitle::ChangeConnection {
                connection,
                organizations,
            } => write!(f, "Change {connection} for {}", orgs(*organizations)),
            RunTitle::RemoveConnection {
                connection,
                organizations,
            } => write!(f, "Remove {connection} from {}", orgs(*organizations)),
            RunTitle::LinkProviders {
                policy_of,
                providers,
            } => write!(
                f,
                "Link {} to the login policy of {policy_of}",
                idps(*providers)
            ),
            RunTitle::UnlinkProviders {
                policy_of,
                providers,
            } => write!(
                f,
                "Unlink {} from the login policy of {policy_of}",
                idps(*providers)
            ),
            RunTitle::AddGroup { group, modules: n } => {
                write!(f, "Add {group} to the auto-join groups of {}", modules(*n))
            }
            RunTitle::RemoveGroup { group, modules: n } => write!(
                f,
                "Remove {group} from the auto-join groups of {}",
                modules(*n)
            ),
            RunTitle::Undo { of, items } => {
                write!(f, "Undo: {of} ({})", counted(*items, "item", "items"))
            }
            RunTitle::MakeLike {
                product,
                targets,
                first,
                source,
                remove_extra,
                changes,
            } => {
                let who = if *targets == 1 {
                    first.clone()
                } else {
                    format!("{targets} {}", words(*product).0)
                };
                let removing = if *remove_extra {
                    ", removing what it does not have"
                } else {
                    ""
                };
                write!(
                    f,
                    "Make {who} like {source}{removing} ({})",
                    counted(*changes, "change", "changes")
                )
            }
            RunTitle::Copy {
                differences,
                from,
                to,
            } => write!(
                f,
                "Copy {} from {from} to {to}",
                counted(*differences, "difference", "differences")
            ),
            RunTitle::Stored(text) => f.write_str(text),
        }
    }
}

impl From<String> for RunTitle {
    fn from(text: String) -> Self {
        RunTitle::Stored(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_string_title_loads_as_written_and_a_typed_one_round_trips() {
        let old: RunTitle = serde_json::from_str("\"Enable github for 3 organizations\"").unwrap();
        assert_eq!(
            old,
            RunTitle::Stored("Enable github for 3 organizations".into())
        );
        assert_eq!(
            serde_json::to_string(&old).unwrap(),
            "\"Enable github for 3 organizations\""
        );
        let undo = RunTitle::Undo {
            of: Box::new(RunTitle::RemoveGroup {
                group: "Developers".into(),
                modules: 1,
            }),
            items: 1,
        };
        let json = serde_json::to_string(&undo).unwrap();
        assert_eq!(serde_json::from_str::<RunTitle>(&json).unwrap(), undo);
        assert_eq!(
            undo.to_string(),
            "Undo: Remove Developers from the auto-join groups of 1 auth module (1 item)"
        );
        // An undo of a run whose title was stored as text keeps that text.
        let of_old = RunTitle::Undo {
            of: Box::new(old),
            items: 2,
        };
        let json = serde_json::to_string(&of_old).unwrap();
        assert_eq!(serde_json::from_str::<RunTitle>(&json).unwrap(), of_old);
    }
}
