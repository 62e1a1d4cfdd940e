//! Auth0's two ways of paging: offset (`page`, `per_page`, `include_totals`) and checkpoint
//! (`from`, `take`), and the shapes of their replies.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::validation::{FieldErrors, FieldProblem};

/// Offset paging stops at this many records on `/organizations` (API-NOTES 1.4).
pub const OFFSET_RECORD_CAP: u64 = 1_000;

/// How to ask for one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Paging {
    Offset {
        page: u32,
        per_page: u32,
        include_totals: bool,
    },
    /// `from` is the `next` cursor of the previous page; absent for the first page.
    Checkpoint { from: Option<String>, take: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?}")]
pub struct PagingError(pub FieldErrors);

impl Paging {
    pub fn first_offset(per_page: u32) -> Self {
        Paging::Offset {
            page: 0,
            per_page,
            include_totals: true,
        }
    }

    /// Checks the ranges; `capped` applies the 1,000-record limit of `/organizations`.
    pub fn validate(&self, capped: bool) -> FieldErrors {
        let mut errors = FieldErrors::new();
        match self {
            Paging::Offset { page, per_page, .. } => {
                if !(1..=100).contains(per_page) {
                    errors.add(
                        "per_page",
                        FieldProblem::OutOfRange {
                            min: 1,
                            max: 100,
                            value: (*per_page).into(),
                        },
                    );
                }
                if *page > 1000 {
                    errors.add(
                        "page",
                        FieldProblem::OverMax {
                            max: 1000,
                            value: (*page).into(),
                        },
                    );
                }
                let end = (u64::from(*page) + 1) * u64::from(*per_page);
                if capped && end > OFFSET_RECORD_CAP {
                    errors.add(
                        "page",
                        FieldProblem::PastOffsetCap {
                            end,
                            cap: OFFSET_RECORD_CAP,
                        },
                    );
                }
            }
            Paging::Checkpoint { from, take } => {
                if !(1..=100).contains(take) {
                    errors.add(
                        "take",
                        FieldProblem::OutOfRange {
                            min: 1,
                            max: 100,
                            value: (*take).into(),
                        },
                    );
                }
                if from.as_deref().is_some_and(str::is_empty) {
                    errors.add("from", FieldProblem::CheckpointFromEmpty);
                }
            }
        }
        errors
    }

    /// The query parameters.
    pub fn query(&self) -> Vec<(String, String)> {
        match self {
            Paging::Offset {
                page,
                per_page,
                include_totals,
            } => vec![
                ("page".into(), page.to_string()),
                ("per_page".into(), per_page.to_string()),
                ("include_totals".into(), include_totals.to_string()),
            ],
            Paging::Checkpoint { from, take } => {
                let mut q = vec![("take".into(), take.to_string())];
                if let Some(from) = from {
                    q.push(("from".into(), from.clone()));
                }
                q
            }
        }
    }
}

/// One page of an offset listing: `{start, limit, total, <key>: […]}` or a bare array.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetPage<T> {
    pub items: Vec<T>,
    pub start: Option<u64>,
    pub limit: Option<u64>,
    pub total: Option<u64>,
}

/// One page of a checkpoint listing: `{next?, <key>: […]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckpointPage<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

/// The list under `key`. A reply without it is an error, never an empty list: "nothing is
/// enabled" must come from the server saying so, not from a reply of another shape.
fn items<T: DeserializeOwned>(value: &serde_json::Value, key: &str) -> Result<Vec<T>, String> {
    match value.get(key) {
        Some(list) => crate::lenient::objects(list).map_err(|e| format!("`{key}`: {e}")),
        None => Err(format!(
            "expected a list under `{key}`; the reply has no such key"
        )),
    }
}

impl<T: DeserializeOwned> OffsetPage<T> {
    /// Reads a reply whose list sits under `key` (`organizations`, `connections`, …).
    pub fn from_json(value: serde_json::Value, key: &str) -> Result<Self, String> {
        if value.is_array() {
            let items = crate::lenient::objects(&value)?;
            return Ok(Self {
                items,
                start: None,
                limit: None,
                total: None,
            });
        }
        if !value.is_object() {
            return Err(format!("expected a list or an object with `{key}`"));
        }
        let number = |k: &str| value.get(k).and_then(serde_json::Value::as_u64);
        Ok(Self {
            items: items(&value, key)?,
            start: number("start"),
            limit: number("limit"),
            total: number("total"),
        })
    }
}

impl<T: DeserializeOwned> CheckpointPage<T> {
    pub fn from_json(value: serde_json::Value, key: &str) -> Result<Self, String> {
        if !value.is_object() {
            return Err(format!("expected an object with `{key}`"));
        }
        let next = value
            .get("next")
            .and_then(|n| n.as_str())
            .filter(|n| !n.is_empty())
            .map(str::to_owned);
        Ok(Self {
            items: items(&value, key)?,
            next,
        })
    }
}

#[cfg(test)]
mod shape_tests {
    use super::*;
    use crate::auth0::{OrgConnection, Organization};

    #[test]
    fn a_reply_without_the_list_is_an_error_not_an_empty_list() {
        let odd = serde_json::json!({"unexpected": true});
        let err = OffsetPage::<OrgConnection>::from_json(odd.clone(), "connections").unwrap_err();
        assert!(err.contains("`connections`"), "{err}");
        assert!(CheckpointPage::<Organization>::from_json(odd, "organizations").is_err());
        let wrong_type = serde_json::json!({"connections": {"connection_id": "con_1"}});
        assert!(OffsetPage::<OrgConnection>::from_json(wrong_type, "connections").is_err());
        // Serde would read a struct from an array: `["con_1"]` is not a connection.
        let arrays = serde_json::json!({"connections": [["con_1"]]});
        assert!(OffsetPage::<OrgConnection>::from_json(arrays, "connections").is_err());
        let bare = serde_json::json!([["con_1"]]);
        assert!(OffsetPage::<OrgConnection>::from_json(bare, "connections").is_err());
        // An empty list the server sent is an empty list.
        let empty = serde_json::json!({"connections": [], "start": 50, "limit": 50, "total": 1});
        let page = OffsetPage::<OrgConnection>::from_json(empty, "connections").unwrap();
        assert!(page.items.is_empty());
    }
}
