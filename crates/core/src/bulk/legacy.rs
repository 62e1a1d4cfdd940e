//! Journals of version 1, written before target states were typed: each item's states were JSON
//! of its product's own shape (`null` for a connection not enabled, the connection's options,
//! `{"linked": …}`, `{"auto_join": …}`). They are read into this version's record, which the
//! run's next change writes in this version's format.

use lanyard_model::TargetState;
use lanyard_model::auth0::Settings;
use lanyard_model::bulk::Damage;
use serde_json::Value;

use super::record::{RunRecord, Whole};

/// The run of a version 1 journal, or why it cannot be read as one.
pub(super) fn upgrade(bytes: &[u8]) -> Result<RunRecord, Damage> {
    let unparsed = |err: serde_json::Error| Damage::Unparsed {
        line: None,
        said: err.to_string(),
    };
    let mut record: Value = serde_json::from_slice(bytes).map_err(unparsed)?;
    let items = record
        .get_mut("items")
        .and_then(Value::as_array_mut)
        .ok_or(Damage::NoItems)?;
    for (i, item) in items.iter_mut().enumerate() {
        let fields = item
            .as_object_mut()
            .ok_or(Damage::ItemNotObject { item: i })?;
        let op = fields
            .get("change")
            .and_then(|change| change.get("op"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        for key in ["current", "planned"] {
            let old = fields.remove(key).unwrap_or(Value::Null);
            let state = state(op.as_deref(), old).map_err(|why| match why {
                Unread::Said(said) => Damage::OldState {
                    item: i,
                    state: key.to_owned(),
                    said,
                },
                Unread::NoFlag(flag) => Damage::OldFlag {
                    item: i,
                    state: key.to_owned(),
                    key: flag.to_owned(),
                },
                Unread::UnknownKind(kind) => Damage::UnknownChange { kind },
            })?;
            let typed = serde_json::to_value(state).map_err(unparsed)?;
            fields.insert(key.to_owned(), typed);
        }
    }
    serde_json::from_value::<Whole>(record)
        .map(Whole::into_record)
        .map_err(unparsed)
}

/// Why a version 1 state does not read.
enum Unread {
    /// The parser's words.
    Said(String),
    /// The flag of its product is missing.
    NoFlag(&'static str),
    UnknownKind(String),
}

/// A version 1 state, read by the product of the item's change (`op`); `None` for an item not
/// planned, or whose target was not read.
fn state(op: Option<&str>, old: Value) -> Result<Option<TargetState>, Unread> {
    let flag = |key: &'static str| match old.get(key).and_then(Value::as_bool) {
        Some(on) => Ok(on),
        None => Err(Unread::NoFlag(key)),
    };
    Ok(match op {
        None => None,
        // Version 1 showed `null` as "not enabled" whether or not it had been read.
        Some("auth0_enable" | "auth0_update" | "auth0_remove") => {
            Some(TargetState::Auth0Connection {
                settings: match old {
                    Value::Null => None,
                    options => Some(
                        serde_json::from_value::<Settings>(options)
                            .map_err(|err| Unread::Said(err.to_string()))?,
                    ),
                },
            })
        }
        Some(_) if old.is_null() => None,
        Some("zitadel_link" | "zitadel_unlink") => Some(TargetState::ZitadelIdp {
            linked: flag("linked")?,
        }),
        Some("hub_add" | "hub_remove") => Some(TargetState::HubGroup {
            auto_join: flag("auto_join")?,
        }),
        Some(other) => return Err(Unread::UnknownKind(other.to_owned())),
    })
}
