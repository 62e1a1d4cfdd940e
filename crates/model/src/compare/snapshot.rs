//! The snapshot file: one profile's wiring as one JSON document (format in
//! `crates/core/SNAPSHOT.md`). Versioned (`"lanyard_snapshot": 1`), sorted (targets by name,
//! items by name), one object per target, names and ids only: no secrets, no tokens.
//!
//! Read strictly: an unknown field, a missing one or a value of the wrong type is an error that
//! names the line, the column and the field (serde_json's position), so a hand-edited file is
//! never read as something else than its author meant.

use serde::{Deserialize, Serialize};

use crate::auth0::{AccessLevel, Settings};
use crate::product::Product;
pub use crate::validation::{SnapshotError, SnapshotProblem};

/// The format version this Lanyard writes and reads.
pub const SNAPSHOT_VERSION: u32 = 1;

/// The largest snapshot file Lanyard reads (a tenant of 100,000 organizations is well below).
pub const MAX_SNAPSHOT_BYTES: usize = 64 * 1024 * 1024;

/// One profile's wiring, or a part of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// The format's version: 1.
    pub lanyard_snapshot: u32,
    pub product: Product,
    /// The profile it was exported from (its display name), for people reading the file.
    #[serde(default)]
    pub profile: String,
    /// When it was exported (RFC 3339), and when the oldest target in it was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oldest_read_at: Option<String>,
    /// The filter it was exported with: targets whose name contains this (any case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_contains: Option<String>,
    pub targets: Vec<SnapshotTarget>,
}

/// One target: an Auth0 organization, a ZITADEL login policy (the instance's, id `instance`,
/// or an organization's), a Hub auth module; and what is wired to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotTarget {
    /// The id in the tenant it was read from; informative only (targets are matched by name,
    /// since ids differ between tenants), so a hand-written file may leave it out.
    #[serde(default)]
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// ZITADEL: the organization has no policy of its own and follows the instance's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub uses_instance_default: bool,
    pub items: Vec<SnapshotItem>,
}

/// What is wired to a target: an enabled Auth0 connection with its options, a linked ZITADEL
/// identity provider, a Hub auto-join group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SnapshotItem {
    /// The id in the tenant it was read from; informative only, like a target's.
    #[serde(default)]
    pub id: String,
    pub name: String,
    /// Auth0 only: the connection's per-organization options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<ConnectionOptions>,
}

/// An Auth0 connection's per-organization options, every one written out (Auth0's defaults
/// filled in), in a fixed order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConnectionOptions {
    pub is_enabled: bool,
    pub show_as_button: bool,
    pub assign_membership_on_login: bool,
    pub is_signup_enabled: bool,
    pub organization_access_level: AccessLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_connection_name: Option<String>,
}

impl From<&Settings> for ConnectionOptions {
    fn from(s: &Settings) -> Self {
        Self {
            is_enabled: s.is_enabled,
            show_as_button: s.show_as_button,
            assign_membership_on_login: s.assign_membership_on_login,
            is_signup_enabled: s.is_signup_enabled,
            organization_access_level: s.organization_access_level,
            organization_connection_name: s.organization_connection_name.clone(),
        }
    }
}

impl From<&ConnectionOptions> for Settings {
    fn from(o: &ConnectionOptions) -> Self {
        Settings {
            organization_connection_name: o.organization_connection_name.clone(),
            assign_membership_on_login: o.assign_membership_on_login,
            show_as_button: o.show_as_button,
            is_signup_enabled: o.is_signup_enabled,
            organization_access_level: o.organization_access_level,
            is_enabled: o.is_enabled,
        }
    }
}

impl ConnectionOptions {
    /// The names of the options that differ, in the file's order.
    pub fn differences(&self, other: &ConnectionOptions) -> Vec<String> {
        let mut out = Vec::new();
        let mut check = |differs: bool, name: &str| {
            if differs {
                out.push(name.to_owned());
            }
        };
        check(self.is_enabled != other.is_enabled, "is_enabled");
        check(
            self.show_as_button != other.show_as_button,
            "show_as_button",
        );
        check(
            self.assign_membership_on_login != other.assign_membership_on_login,
            "assign_membership_on_login",
        );
        check(
            self.is_signup_enabled != other.is_signup_enabled,
            "is_signup_enabled",
        );
        check(
            self.organization_access_level != other.organization_access_level,
            "organization_access_level",
        );
        check(
            self.organization_connection_name != other.organization_connection_name,
            "organization_connection_name",
        );
        out
    }
}

impl SnapshotError {
    fn at(field: String, problem: SnapshotProblem) -> Self {
        Self {
            line: None,
            column: None,
            field: Some(field),
            problem,
        }
    }
}

impl Snapshot {
    /// Reads a snapshot file's text: the JSON, then the rules no JSON reader checks (version,
    /// product's shape, names present and not repeated).
    pub fn parse(text: &str) -> Result<Snapshot, SnapshotError> {
        if text.len() > MAX_SNAPSHOT_BYTES {
            return Err(SnapshotError {
                line: None,
                column: None,
                field: None,
                problem: SnapshotProblem::TooLarge {
                    max_mb: MAX_SNAPSHOT_BYTES / (1024 * 1024),
                },
            });
        }
        // The version first, so a file of another version says so rather than a field error.
        #[derive(Deserialize)]
        struct Version {
            lanyard_snapshot: Option<serde_json::Value>,
        }
        if let Ok(Version {
            lanyard_snapshot: Some(v),
        }) = serde_json::from_str::<Version>(text)
            && v.as_u64() != Some(u64::from(SNAPSHOT_VERSION))
        {
            return Err(SnapshotError::at(
                "lanyard_snapshot".into(),
                SnapshotProblem::Version {
                    found: v.to_string(),
                    reads: SNAPSHOT_VERSION,
                },
            ));
        }
        let snapshot: Snapshot = serde_json::from_str(text).map_err(|err| SnapshotError {
            line: Some(err.line()),
            column: Some(err.column()),
            field: field_of(&err.to_string()),
            problem: SnapshotProblem::Json {
                detail: strip_position(&err.to_string()),
            },
        })?;
        snapshot.check()?;
        Ok(snapshot)
    }

    /// The rules of the format beyond its JSON shape.
    pub fn check(&self) -> Result<(), SnapshotError> {
        let auth0 = self.product == Product::Auth0;
        let mut names = std::collections::BTreeSet::new();
        for (t, target) in self.targets.iter().enumerate() {
            let at = |rest: &str| format!("targets[{t}]{rest}");
            if target.name.trim().is_empty() {
                return Err(SnapshotError::at(
                    at(".name"),
                    SnapshotProblem::TargetNameMissing,
                ));
            }
            if !names.insert(super::match_key(target)) {
                return Err(SnapshotError::at(
                    at(".name"),
                    SnapshotProblem::TargetTwice {
                        name: target.name.clone(),
                    },
                ));
            }
            let mut items = std::collections::BTreeSet::new();
            for (i, item) in target.items.iter().enumerate() {
                let at = |rest: &str| at(&format!(".items[{i}]{rest}"));
                if item.name.trim().is_empty() {
                    return Err(SnapshotError::at(
                        at(".name"),
                        SnapshotProblem::ItemNameMissing,
                    ));
                }
                if !items.insert(item.name.as_str()) {
                    return Err(SnapshotError::at(
                        at(".name"),
                        SnapshotProblem::ItemTwice {
                            item: item.name.clone(),
                            target: target.name.clone(),
                        },
                    ));
                }
                match (&item.options, auth0) {
                    (None, true) => {
                        return Err(SnapshotError::at(
                            at(".options"),
                            SnapshotProblem::OptionsMissing,
                        ));
                    }
                    (Some(_), false) => {
                        return Err(SnapshotError::at(
                            at(".options"),
                            SnapshotProblem::OptionsNotAuth0,
                        ));
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    /// Sorts targets and items by name (then id), as the file is written.
    pub fn sort(&mut self) {
        self.targets
            .sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
        for target in &mut self.targets {
            target
                .items
                .sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
        }
    }

    /// The file's text: sorted, two-space indented, one field per line, a final newline.
    pub fn to_text(&self) -> String {
        let mut sorted = self.clone();
        sorted.sort();
        // Serializing plain structs, strings and booleans cannot fail.
        let mut text = serde_json::to_string_pretty(&sorted).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// The field serde_json names in its message (`unknown field `x``, `missing field `x``).
fn field_of(message: &str) -> Option<String> {
    ["unknown field `", "missing field `", "duplicate field `"]
        .iter()
        .find_map(|start| {
            let rest = &message[message.find(start)? + start.len()..];
            Some(rest[..rest.find('`')?].to_owned())
        })
}

/// serde_json's message without its trailing " at line L column C".
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests;
