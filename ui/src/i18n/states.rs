//! A target's state (the preview's "now" and "after", a bulk run's items) in the UI's language.

use lanyard_model::TargetState;

use crate::tr;

/// `enabled · button · access none`, `linked`, ... in the UI's language; English reads as the
/// model's `Display`.
pub fn target_state(state: &TargetState) -> String {
    match state {
        TargetState::Auth0Connection { settings: None } => tr!("state-not-enabled"),
        TargetState::Auth0Connection { settings: Some(s) } => {
            let mut parts = vec![if s.is_enabled {
                tr!("state-enabled")
            } else {
                tr!("state-disabled")
            }];
            if s.show_as_button {
                parts.push(tr!("state-button"));
            }
            if s.assign_membership_on_login {
                parts.push(tr!("state-membership"));
            }
            if s.is_signup_enabled {
                parts.push(tr!("state-signup"));
            }
            parts.push(tr!(
                "state-access",
                level = s.organization_access_level.as_str()
            ));
            if let Some(name) = &s.organization_connection_name {
                parts.push(tr!("state-shown-as", name = name.as_str()));
            }
            parts.join(" · ")
        }
        TargetState::ZitadelIdp { linked: true } => tr!("state-linked"),
        TargetState::ZitadelIdp { linked: false } => tr!("state-not-linked"),
        TargetState::ZitadelExternalIdps { allowed: true } => tr!("state-external-allowed"),
        TargetState::ZitadelExternalIdps { allowed: false } => tr!("state-external-not-allowed"),
        TargetState::HubGroup { auto_join: true } => tr!("state-auto-join"),
        TargetState::HubGroup { auto_join: false } => tr!("state-not-auto-join"),
    }
}

#[cfg(test)]
mod tests {
    use lanyard_model::auth0::{AccessLevel, Settings};

    use super::super::{Lang, set_lang};
    use super::*;

    fn states() -> Vec<TargetState> {
        let every = Settings {
            organization_connection_name: Some("Acme SSO".to_owned()),
            assign_membership_on_login: true,
            show_as_button: true,
            is_signup_enabled: true,
            organization_access_level: AccessLevel::Limited,
            is_enabled: true,
        };
        let bare = Settings {
            organization_connection_name: None,
            assign_membership_on_login: false,
            show_as_button: false,
            is_signup_enabled: false,
            organization_access_level: AccessLevel::None,
            is_enabled: false,
        };
        vec![
            TargetState::Auth0Connection { settings: None },
            TargetState::Auth0Connection {
                settings: Some(every),
            },
            TargetState::Auth0Connection {
                settings: Some(bare),
            },
            TargetState::ZitadelIdp { linked: true },
            TargetState::ZitadelIdp { linked: false },
            TargetState::ZitadelExternalIdps { allowed: true },
            TargetState::ZitadelExternalIdps { allowed: false },
            TargetState::HubGroup { auto_join: true },
            TargetState::HubGroup { auto_join: false },
        ]
    }

    #[test]
    fn english_reads_as_the_model_words_it() {
        set_lang(Lang::En);
        for state in states() {
            assert_eq!(target_state(&state), state.to_string());
        }
    }

    #[test]
    fn japanese_has_no_english_word_left() {
        set_lang(Lang::Ja);
        let words: Vec<String> = states().iter().map(target_state).collect();
        set_lang(Lang::En);
        for w in &words {
            for english in ["enabled", "linked", "auto-join", "button", "shown as"] {
                assert!(!w.contains(english), "{w}");
            }
        }
        // The connection's own name is data and stays as it is.
        assert!(words[1].contains("Acme SSO"), "{}", words[1]);
    }
}
