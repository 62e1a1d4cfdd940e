//! What a change does (the preview's title, the toast after it) in the UI's language.

use lanyard_model::Label;
use lanyard_model::change::{ChangeAct, ChangeSummary, ConsoleName, ItemNoun};

use crate::tr;

/// "Enable Partners-Database for Pied Piper", ... in the UI's language; English reads as the
/// model's `Display`. The names are the products' own and stay as they are.
pub fn change_summary(summary: &ChangeSummary) -> String {
    let item = label(&summary.item);
    let target = label(&summary.target);
    let (item, target) = (item.as_str(), target.as_str());
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

/// A change's target or item: the product's name as it is, or what the console calls it (the
/// instance, an item known only by its id) in the UI's language; English reads as `Display`.
pub fn label(label: &Label) -> String {
    match label {
        Label::Name(name) => name.clone(),
        Label::Unnamed { noun, id } => {
            let id = id.as_str();
            match noun {
                ItemNoun::Connection => tr!("label-unnamed-connection", id = id),
                ItemNoun::IdentityProvider => tr!("label-unnamed-idp", id = id),
                ItemNoun::Group => tr!("label-unnamed-group", id = id),
            }
        }
        Label::Console {
            console: ConsoleName::TheInstance,
        } => tr!("label-the-instance"),
        Label::Console {
            console: ConsoleName::ExternalIdps,
        } => tr!("label-external-idps"),
        Label::Console {
            console: ConsoleName::OwnLoginPolicy,
        } => tr!("label-own-login-policy"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Lang, set_lang};
    use super::*;

    fn summary(act: ChangeAct) -> ChangeSummary {
        ChangeSummary {
            act,
            item: "Initech-Okta".into(),
            target: "Hooli".into(),
        }
    }

    #[test]
    fn english_reads_as_the_model_words_it() {
        set_lang(Lang::En);
        for act in ChangeAct::ALL {
            assert_eq!(change_summary(&summary(act)), summary(act).to_string());
        }
    }

    #[test]
    fn japanese_keeps_the_names_and_drops_the_english() {
        set_lang(Lang::Ja);
        let words: Vec<String> = ChangeAct::ALL.map(|a| change_summary(&summary(a))).to_vec();
        set_lang(Lang::En);
        for (act, w) in ChangeAct::ALL.iter().zip(&words) {
            assert!(w.contains("Hooli"), "{act:?}: {w}");
            assert!(!w.contains(" the "), "{act:?}: {w}");
        }
    }
}
