//! What a change does (the preview's title, the toast after it) in the UI's language.

use lanyard_model::change::{ChangeAct, ChangeSummary};

use crate::tr;

/// "Enable Partners-Database for Pied Piper", ... in the UI's language; English reads as the
/// model's `Display`. The names are the products' own and stay as they are.
pub fn change_summary(summary: &ChangeSummary) -> String {
    let item = summary.item.as_str();
    let target = summary.target.as_str();
    match summary.act {
        ChangeAct::Auth0Enable => tr!("sum-auth0-enable", item = item, target = target),
        ChangeAct::Auth0Update => tr!("sum-auth0-update", item = item, target = target),
        ChangeAct::Auth0Remove => tr!("sum-auth0-remove", item = item, target = target),
        ChangeAct::ZitadelOwnPolicyThenLink => {
            tr!("sum-own-policy-then-link", item = item, target = target)
        }
        ChangeAct::ZitadelLink => tr!("sum-zitadel-link", item = item, target = target),
        ChangeAct::ZitadelUnlink => tr!("sum-zitadel-unlink", item = item, target = target),
        ChangeAct::ExternalIdpsOn => tr!("sum-external-on", target = target),
        ChangeAct::ExternalIdpsOff => tr!("sum-external-off", target = target),
        ChangeAct::HubAdd => tr!("sum-hub-add", item = item, target = target),
        ChangeAct::HubRemove => tr!("sum-hub-remove", item = item, target = target),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Lang, set_lang};
    use super::*;

    const ACTS: [ChangeAct; 10] = [
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

    fn summary(act: ChangeAct) -> ChangeSummary {
        ChangeSummary {
            act,
            item: "Initech-Okta".to_owned(),
            target: "Hooli".to_owned(),
        }
    }

    #[test]
    fn english_reads_as_the_model_words_it() {
        set_lang(Lang::En);
        for act in ACTS {
            assert_eq!(change_summary(&summary(act)), summary(act).to_string());
        }
    }

    #[test]
    fn japanese_keeps_the_names_and_drops_the_english() {
        set_lang(Lang::Ja);
        let words: Vec<String> = ACTS.map(|a| change_summary(&summary(a))).to_vec();
        set_lang(Lang::En);
        for (act, w) in ACTS.iter().zip(&words) {
            assert!(w.contains("Hooli"), "{act:?}: {w}");
            assert!(!w.contains(" the "), "{act:?}: {w}");
        }
    }
}
