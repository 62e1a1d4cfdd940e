use super::*;

#[test]
fn a_typed_warning_crosses_ipc_and_back_with_its_kind() {
    let w = Warning::new(
        WarningText::SignupRefused {
            connection: "github".into(),
            database: false,
        },
        Source::Documented,
        "§4",
    );
    assert_eq!(w.kind, WarningKind::SignupRefused);
    let json = serde_json::to_value(&w).unwrap();
    assert_eq!(json["source"], "documented");
    assert_eq!(json["kind"], "signup_refused");
    assert_eq!(json["text"]["says"], "signup_refused");
    let back: Warning = serde_json::from_value(json).unwrap();
    assert_eq!(back, w);
    let unchecked = Warning::could_not_read(
        Unchecked::GroupAutoJoin,
        CommandError::RateLimited {
            message: "slow down".into(),
            retry_after_secs: Some(3),
        },
    );
    let json = serde_json::to_value(&unchecked).unwrap();
    assert_eq!(serde_json::from_value::<Warning>(json).unwrap(), unchecked);
}

#[test]
fn a_warning_saved_in_english_before_it_was_typed_loads_as_stored() {
    let json = serde_json::json!({
        "kind": "external_idps_not_allowed",
        "message": "The login policy of Globex does not allow external identity providers.",
        "reason": "allowExternalIdp is off.",
        "source": "documented",
        "reference": "API-NOTES-WARNINGS §7",
        "actions": [{
            "label": "Turn on external IdPs for this policy",
            "change": {
                "op": "zitadel_external_idps",
                "scope": {"level": "instance"},
                "allow": true,
                "labels": {"target": "the instance", "item": "external identity providers"}
            }
        }]
    });
    let w: Warning = serde_json::from_value(json).unwrap();
    assert_eq!(w.kind, WarningKind::ExternalIdpsNotAllowed);
    assert!(
        matches!(&w.text, WarningText::Stored { message, .. } if message.contains("Globex")),
        "{w:?}"
    );
    assert_eq!(w.reference, "API-NOTES-WARNINGS §7");
    assert_eq!(w.actions.len(), 1, "{w:?}");
    assert_eq!(w.actions[0].label, ActionLabel::TurnOnExternalIdps);
}
