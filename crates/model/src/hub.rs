//! JetBrains Hub REST: auth modules and their auto-join groups, and user groups for the picker.

use serde::{Deserialize, Serialize};

use crate::ids::{AuthModuleId, UserGroupId};

/// The fields the console asks for; Hub returns only what `fields` names (API-NOTES 3.4).
pub const AUTH_MODULE_FIELDS: &str =
    "id,name,disabled,isDefault,ordinal,type,autoJoinGroups(id,name)";
pub const USER_GROUP_FIELDS: &str = "id,name,userCount,description,autoJoin";

/// `$skip`/`$top` paging plus Hub's `query` and `orderBy`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListParams {
    pub skip: u32,
    pub top: u32,
    pub query: Option<String>,
    pub order_by: Option<String>,
    pub fields: String,
}

impl ListParams {
    pub fn new(fields: &str, top: u32) -> Self {
        Self {
            skip: 0,
            top,
            query: None,
            order_by: Some("name".to_owned()),
            fields: fields.to_owned(),
        }
    }

    /// Checks the page size; Hub documents no default, so one is always sent.
    pub fn validate(&self) -> crate::FieldErrors {
        let mut e = crate::FieldErrors::new();
        if !(1..=500).contains(&self.top) {
            e.add(
                "$top",
                crate::FieldProblem::OutOfRange {
                    min: 1,
                    max: 500,
                    value: self.top.into(),
                },
            );
        }
        if self.fields.trim().is_empty() || !self.fields.split(',').any(|f| f.trim() == "id") {
            e.add("fields", crate::FieldProblem::FieldsWithoutId);
        }
        e
    }

    pub fn query_pairs(&self) -> Vec<(String, String)> {
        let mut q = vec![
            ("fields".to_owned(), self.fields.clone()),
            ("$skip".to_owned(), self.skip.to_string()),
            ("$top".to_owned(), self.top.to_string()),
        ];
        if let Some(query) = self.query.as_ref().filter(|q| !q.trim().is_empty()) {
            q.push(("query".to_owned(), query.clone()));
        }
        if let Some(order) = &self.order_by {
            q.push(("orderBy".to_owned(), order.clone()));
        }
        q
    }
}

/// A Hub query that matches a group name, written in Hub's syntax (braces for spaces).
pub fn name_query(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    // Braces delimit names with spaces; a brace inside the text would end the term early.
    let cleaned: String = text.chars().filter(|c| !matches!(c, '{' | '}')).collect();
    Some(if cleaned.contains(' ') {
        format!("name: {{{cleaned}}}")
    } else {
        cleaned
    })
}

/// `POST /authmodules/{id}/autojoingroups` body: the group is named by its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddAutoJoinGroup {
    pub id: UserGroupId,
}

/// The module and group a change is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoJoinTarget {
    pub module_id: AuthModuleId,
    pub group_id: UserGroupId,
}

/// A group reference as Hub embeds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRef {
    pub id: UserGroupId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// An auth module; every field but the id is there only when asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthModule {
    pub id: AuthModuleId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    #[serde(rename = "isDefault", default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordinal: Option<i64>,
    /// The module type, when `type` is asked for.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The JSON type discriminator Hub adds to entities (`$type`); both may come together.
    #[serde(rename = "$type", default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<String>,
    #[serde(
        rename = "autoJoinGroups",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_join_groups: Option<Vec<GroupRef>>,
    /// External modules: whether a first login creates the Hub account (API-NOTES-WARNINGS §10).
    #[serde(
        rename = "allowedCreateNewUsers",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allowed_create_new_users: Option<bool>,
    /// The built-in Hub module: whether people may register their own accounts.
    #[serde(
        rename = "registrationEnabled",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub registration_enabled: Option<bool>,
}

/// The fields the Hub checks read of a module: whether it creates users on first login.
pub const MODULE_USER_CREATION_FIELDS: &str =
    "id,name,type,disabled,allowedCreateNewUsers,registrationEnabled";

/// The fields the Hub checks read of a group: its own auto-join.
pub const GROUP_AUTO_JOIN_FIELDS: &str = "id,name,autoJoin,autoJoinDomain";

impl AuthModule {
    /// Whether a first login through it creates the Hub account: `registrationEnabled` for the
    /// built-in module, `allowedCreateNewUsers` for the others; `None` when the reply has
    /// neither (an older Hub, or a module type without the switch).
    pub fn creates_users(&self) -> Option<bool> {
        self.allowed_create_new_users.or(self.registration_enabled)
    }

    /// `CoreauthmoduleJSON` -> `Core`, `GoogleAuthModuleJSON` -> `Google`.
    pub fn kind_label(&self) -> String {
        let raw = self
            .kind
            .as_deref()
            .or(self.type_name.as_deref())
            .unwrap_or("");
        let trimmed = raw
            .trim_end_matches("JSON")
            .trim_end_matches("AuthModule")
            .trim_end_matches("authmodule");
        if trimmed.is_empty() {
            "Unknown".to_owned()
        } else {
            trimmed.to_owned()
        }
    }
}

/// A user group; every field but the id is there only when asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserGroup {
    pub id: UserGroupId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "userCount", default, skip_serializing_if = "Option::is_none")]
    pub user_count: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(rename = "autoJoin", default, skip_serializing_if = "Option::is_none")]
    pub auto_join: Option<bool>,
    /// Group auto-join limited to new users of this e-mail domain (meaning inferred, §11).
    #[serde(
        rename = "autoJoinDomain",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auto_join_domain: Option<String>,
}

/// One page of a Hub listing: `{skip, top, total, <collection>: […]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub skip: Option<u64>,
    pub top: Option<u64>,
    pub total: Option<u64>,
}

impl<T: serde::de::DeserializeOwned> Page<T> {
    /// Reads a page whose list sits under `key` (`authmodules`, `usergroups`, `autojoingroups`).
    /// A reply without `key` is an error, never an empty list.
    pub fn from_json(value: serde_json::Value, key: &str) -> Result<Self, String> {
        let number = |k: &str| value.get(k).and_then(serde_json::Value::as_u64);
        let items = match value.get(key) {
            Some(list) => crate::lenient::objects(list).map_err(|e| format!("`{key}`: {e}"))?,
            None => return Err(format!("expected an object with a list under `{key}`")),
        };
        Ok(Self {
            items,
            skip: number("skip"),
            top: number("top"),
            total: number("total"),
        })
    }
}

/// Hub's error body, shared with YouTrack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error: String,
    #[serde(default)]
    pub error_description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_developer_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_field: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projected_replies_parse_with_only_the_id() {
        let page: Page<UserGroup> =
            Page::from_json(serde_json::json!({"skip":0,"top":2,"total":25,"usergroups":[{"id":"g1"},{"id":"g2","name":"QA","userCount":4}]}), "usergroups")
                .unwrap();
        assert_eq!(page.total, Some(25));
        assert_eq!(page.items[0].name, None);
        assert_eq!(page.items[1].user_count, Some(4));
        // A reply of another shape is not an empty list.
        let err =
            Page::<UserGroup>::from_json(serde_json::json!({"unexpected": true}), "usergroups")
                .unwrap_err();
        assert!(err.contains("`usergroups`"), "{err}");
        let m: AuthModule =
            serde_json::from_str(r#"{"id":"m1","$type":"CoreauthmoduleJSON"}"#).unwrap();
        assert_eq!(m.kind_label(), "Core");
    }

    #[test]
    fn params_always_send_a_page_size_and_the_id_field() {
        let p = ListParams::new(USER_GROUP_FIELDS, 50);
        let q = p.query_pairs();
        assert!(q.contains(&("$top".to_owned(), "50".to_owned())));
        assert!(p.validate().is_empty());
        for top in [0, 501] {
            assert!(!ListParams { top, ..p.clone() }.validate().is_empty());
        }
        for top in [1, 500] {
            assert!(ListParams { top, ..p.clone() }.validate().is_empty());
        }
        assert!(!ListParams::new("name,userCount", 5).validate().is_empty());
    }

    #[test]
    fn names_with_spaces_go_in_braces() {
        assert_eq!(
            name_query("Release Managers").as_deref(),
            Some("name: {Release Managers}")
        );
        assert_eq!(name_query("qa").as_deref(), Some("qa"));
        assert_eq!(name_query("  "), None);
        assert_eq!(name_query("a} or {b").as_deref(), Some("name: {a or b}"));
    }
}
