//! What a change does, in a sentence: typed (the act and the names it is about) so the UI can
//! word it in the user's language; `Display` is the one English wording (toasts, the audit log).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::Label;

/// The kind of thing a change does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeAct {
    Auth0Enable,
    Auth0Update,
    Auth0Remove,
    /// Create an organization's own login policy (a copy of the default), then link.
    ZitadelOwnPolicyThenLink,
    ZitadelLink,
    ZitadelUnlink,
    ExternalIdpsOn,
    ExternalIdpsOff,
    HubAdd,
    HubRemove,
}

impl ChangeAct {
    /// Every act, for the tests that word each one.
    pub const ALL: [ChangeAct; 10] = [
        ChangeAct::Auth0Enable,
        ChangeAct::Auth0Update,
        ChangeAct::Auth0Remove,
        ChangeAct::ZitadelOwnPolicyThenLink,
        ChangeAct::ZitadelLink,
        ChangeAct::ZitadelUnlink,
        ChangeAct::ExternalIdpsOn,
        ChangeAct::ExternalIdpsOff,
        ChangeAct::HubAdd,
        ChangeAct::HubRemove,
    ];
}

/// A change's act with the names of what it adds or removes (`item`) and where (`target`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeSummary {
    pub act: ChangeAct,
    pub item: Label,
    pub target: Label,
}

impl fmt::Display for ChangeSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (item, target) = (&self.item, &self.target);
        match self.act {
            ChangeAct::Auth0Enable => write!(f, "Enable {item} for {target}"),
            ChangeAct::Auth0Update => write!(f, "Change {item} for {target}"),
            ChangeAct::Auth0Remove => write!(f, "Remove {item} from {target}"),
            ChangeAct::ZitadelOwnPolicyThenLink => write!(
                f,
                "Create the own login policy of {target} (a copy of the instance default), then link {item} to it"
            ),
            ChangeAct::ZitadelLink => write!(f, "Link {item} to the login policy of {target}"),
            ChangeAct::ZitadelUnlink => {
                write!(f, "Unlink {item} from the login policy of {target}")
            }
            ChangeAct::ExternalIdpsOn => write!(
                f,
                "Turn on external identity providers in the login policy of {target}"
            ),
            ChangeAct::ExternalIdpsOff => write!(
                f,
                "Turn off external identity providers in the login policy of {target}"
            ),
            ChangeAct::HubAdd => write!(f, "Add {item} to the auto-join groups of {target}"),
            ChangeAct::HubRemove => {
                write!(f, "Remove {item} from the auto-join groups of {target}")
            }
        }
    }
}
