//! What the console calls a change's target or item itself (the instance, the external IdPs
//! setting, an item known only by its id) reads in Japanese wherever it is shown: alone, in
//! every change summary, in the warnings and refusals that name it. English is the model's
//! `Display`, word for word.

use lanyard_model::change::{ChangeAct, ChangeSummary, ConsoleName, ItemNoun};
use lanyard_model::error::StateChange;
use lanyard_model::{CheckCause, CommandError, Label, Source, Unchecked, Warning, WarningText};

use super::super::{Lang, change_summary, error_text, label, set_lang, warning_message};
use super::{assert_japanese, japanese};

fn console_labels() -> Vec<Label> {
    let mut labels = vec![
        Label::Console {
            console: ConsoleName::TheInstance,
        },
        Label::Console {
            console: ConsoleName::ExternalIdps,
        },
        Label::Console {
            console: ConsoleName::OwnLoginPolicy,
        },
    ];
    for noun in [
        ItemNoun::Connection,
        ItemNoun::IdentityProvider,
        ItemNoun::Group,
    ] {
        labels.push(Label::item(noun, None, "284019223568203777"));
    }
    labels
}

#[test]
fn every_console_label_reads_in_japanese_alone_and_in_every_change() {
    for l in console_labels() {
        let alone = japanese(|| label(&l));
        assert_japanese(&format!("{l:?}"), &alone);
        assert!(!alone.contains("label-"), "{l:?}: a key: {alone}");
        set_lang(Lang::En);
        assert_eq!(label(&l), l.to_string());
        for act in ChangeAct::ALL {
            for summary in [
                ChangeSummary {
                    act,
                    item: l.clone(),
                    target: "Acme".into(),
                },
                ChangeSummary {
                    act,
                    item: "Okta".into(),
                    target: l.clone(),
                },
            ] {
                let text = japanese(|| change_summary(&summary));
                assert_japanese(&format!("{summary:?}"), &text);
                set_lang(Lang::En);
                assert_eq!(change_summary(&summary), summary.to_string());
            }
        }
    }
}

#[test]
fn an_unnamed_item_keeps_its_id_in_both_languages() {
    let l = Label::item(ItemNoun::Connection, Some("con_1"), "con_1");
    let ja = japanese(|| label(&l));
    assert!(ja.contains("con_1") && ja.contains("名前不明"), "{ja}");
    set_lang(Lang::En);
    assert_eq!(label(&l), "connection con_1 (name not known)");
}

#[test]
fn warnings_and_refusals_naming_the_instance_or_an_unnamed_item_read_in_japanese() {
    let instance = Label::Console {
        console: ConsoleName::TheInstance,
    };
    let unnamed = Label::item(ItemNoun::IdentityProvider, None, "2830");
    let connection = Label::item(ItemNoun::Connection, None, "con_1");
    let group = Label::item(ItemNoun::Group, None, "7");
    let texts = [
        WarningText::ConnectionWithoutApplication {
            connection: connection.clone(),
        },
        WarningText::ConnectionWithoutOrganizationApplication {
            connection: connection.clone(),
            applications: Vec::new(),
        },
        WarningText::SignupRefused {
            connection: connection.clone(),
            database: true,
        },
        WarningText::ModuleCreatesNoUsers {
            group: group.clone(),
            module: "GitHub".into(),
            disabled: false,
        },
        WarningText::GroupAutoJoinsAlready {
            group: group.clone(),
            domain: None,
        },
        WarningText::CouldNotCheck {
            what: Unchecked::ConnectionApplications {
                connection: connection.clone(),
            },
            cause: CheckCause::ConnectionKindUnknown,
        },
        WarningText::CouldNotCheck {
            what: Unchecked::ApplicationsAllowOrganizations {
                connection: connection.clone(),
            },
            cause: CheckCause::ConnectionKindUnknown,
        },
        WarningText::OwnPolicyFirst {
            organization: unnamed.clone(),
        },
        WarningText::ChooseOwnPolicyOrDefault {
            organization: "Globex".into(),
            provider: unnamed.clone(),
        },
        WarningText::ProviderWithoutButton {
            policy_of: instance.clone(),
            provider: unnamed.clone(),
        },
        WarningText::ExternalIdpsTurnedOff {
            policy_of: instance.clone(),
        },
        WarningText::UnlinkKeepsUserLinks {
            provider: unnamed.clone(),
        },
    ];
    for text in texts {
        let w = Warning::new(text.clone(), Source::Documented, "§7");
        assert_japanese(&format!("{text:?}"), &japanese(|| warning_message(&w)));
    }
    for change in [
        StateChange::NoLongerEnabled {
            item: unnamed.clone(),
            target: instance.clone(),
        },
        StateChange::ChangedSince {
            item: unnamed.clone(),
            target: instance.clone(),
        },
    ] {
        let err = CommandError::StateChanged { change };
        assert_japanese(&format!("{err:?}"), &japanese(|| error_text(&err)));
        set_lang(Lang::En);
        assert_eq!(error_text(&err), err.to_string());
    }
}
