//! Two refusals whose words carry a typed part: the profile not found (its noun) and the
//! connection enabled first with other options (its state as read back), in Japanese.

use lanyard_model::CommandError;

use super::japanese;

#[test]
fn a_profile_not_found_and_a_connection_enabled_first_are_worded_in_japanese() {
    let missing = CommandError::NotFound {
        what: lanyard_model::error::Missing::Profile,
        id: "acme-prod".into(),
        message: "It may have been removed; pick another profile.".into(),
    };
    let text = japanese(|| crate::i18n::error_text(&missing));
    assert!(
        text.starts_with("プロファイル acme-prod が見つかりません"),
        "{text}"
    );
    let enabled_first = CommandError::StateChanged {
        change: lanyard_model::error::StateChange::EnabledWithOtherOptions {
            item: "Globex-SAML".into(),
            target: "Globex".into(),
            found: lanyard_model::TargetState::Auth0Connection { settings: None },
        },
    };
    let text = japanese(|| crate::i18n::error_text(&enabled_first));
    assert!(
        text.contains("Globex-SAML") && text.contains("（有効ではない）"),
        "{text}"
    );
    assert!(text.contains("何も変更していません"), "{text}");
    crate::i18n::set_lang(crate::i18n::Lang::En);
    assert_eq!(crate::i18n::error_text(&missing), missing.to_string());
}

#[test]
fn a_target_make_like_could_not_read_is_named_with_its_error_in_both_languages() {
    let err = CommandError::TargetUnread {
        target: "Globex".into(),
        error: Box::new(CommandError::Configuration {
            problem: lanyard_model::error::ConfigProblem::InventoryNotOpen,
        }),
    };
    let text = japanese(|| crate::i18n::error_text(&err));
    assert!(
        text.starts_with("Globex を読み取れませんでした: インベントリが開いていません"),
        "{text}"
    );
    crate::i18n::set_lang(crate::i18n::Lang::En);
    assert_eq!(crate::i18n::error_text(&err), err.to_string());
}
