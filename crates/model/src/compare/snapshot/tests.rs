#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

const GOOD: &str = r#"{
  "lanyard_snapshot": 1,
  "product": "auth0",
  "profile": "Staging",
  "targets": [
    {
      "id": "org_2",
      "name": "globex",
      "items": []
    },
    {
      "id": "org_1",
      "name": "acme",
      "items": [
        {
          "id": "con_1",
          "name": "github",
          "options": {
            "is_enabled": true,
            "show_as_button": false,
            "assign_membership_on_login": false,
            "is_signup_enabled": false,
            "organization_access_level": "none"
          }
        }
      ]
    }
  ]
}"#;

#[test]
fn a_good_file_reads_and_writes_back_sorted_and_stable() {
    let s = Snapshot::parse(GOOD).unwrap();
    let text = s.to_text();
    // Sorted by name: acme before globex; written again, the same text.
    assert!(text.find("\"acme\"").unwrap() < text.find("\"globex\"").unwrap());
    assert_eq!(Snapshot::parse(&text).unwrap().to_text(), text);
    // Keys in a fixed order, the version first.
    assert!(text.starts_with("{\n  \"lanyard_snapshot\": 1,\n  \"product\": \"auth0\""));
    assert!(text.ends_with("}\n"));
}

#[test]
fn an_unknown_field_names_its_line_column_and_field() {
    let bad = GOOD.replace("\"show_as_button\"", "\"show_as_buton\"");
    let err = Snapshot::parse(&bad).unwrap_err();
    assert_eq!(err.line, Some(20));
    assert!(err.column.is_some());
    assert_eq!(err.field.as_deref(), Some("show_as_buton"));
    assert!(err.to_string().starts_with("line 20, column"), "{err}");
}

#[test]
fn a_missing_field_and_a_wrong_type_are_named() {
    let bad = GOOD.replace("\"is_signup_enabled\": false,", "");
    let err = Snapshot::parse(&bad).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("is_signup_enabled"));
    assert!(err.line.is_some());
    let bad = GOOD.replace("\"is_enabled\": true", "\"is_enabled\": \"yes\"");
    let err = Snapshot::parse(&bad).unwrap_err();
    assert_eq!(err.line, Some(19));
    assert!(err.problem.to_string().contains("invalid type"), "{err}");
    let bad = GOOD.replace("\"none\"", "\"everyone\"");
    assert!(
        Snapshot::parse(&bad)
            .unwrap_err()
            .problem
            .to_string()
            .contains("unknown variant")
    );
}

#[test]
fn not_json_another_version_and_broken_rules_are_refused_without_panic() {
    for text in [
        "",
        "nonsense",
        "[1, 2]",
        "{\"lanyard_snapshot\": 1",
        "\u{0}\u{ff}",
    ] {
        let err = Snapshot::parse(text).unwrap_err();
        assert!(!err.to_string().is_empty());
    }
    let err = Snapshot::parse(&GOOD.replace("\"lanyard_snapshot\": 1", "\"lanyard_snapshot\": 2"))
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("lanyard_snapshot"));
    assert!(err.problem.to_string().contains("version 2"), "{err}");
    let twice = GOOD.replace("\"globex\"", "\"acme\"");
    let err = Snapshot::parse(&twice).unwrap_err();
    assert!(err.field.as_deref().unwrap().ends_with(".name"), "{err}");
    assert!(err.problem.to_string().contains("twice"), "{err}");
    let hub = GOOD.replace("\"auth0\"", "\"hub\"");
    let err = Snapshot::parse(&hub).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("targets[1].items[0].options"));
}
