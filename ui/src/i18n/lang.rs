//! The languages the UI speaks, and how one is recognised from a locale tag (the system's, or
//! the one the user picked, which the shell keeps in the settings file).

use lanyard_model::catalogue::ShellLanguage;
use unic_langid::LanguageIdentifier;

/// A language with a complete catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ja,
}

impl Lang {
    /// In the order the language menu lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The BCP 47 tag: `lang` on the page, `Intl` formatting, the stored pick.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language's own name, as the menu shows it whatever the UI's language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ja => "日本語",
        }
    }

    /// The catalogue compiled into the UI: none in the wasm, where the shell answers each
    /// ([`Lang::shell_language`]); every one in native builds, which the unit tests read.
    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn compiled_source(self) -> Option<&'static str> {
        Some(match self {
            Lang::En => lanyard_model::catalogue_source!(
                concat!(env!("CARGO_MANIFEST_DIR"), "/locales"),
                "en"
            ),
            Lang::Ja => lanyard_model::catalogue_source!(
                concat!(env!("CARGO_MANIFEST_DIR"), "/locales"),
                "ja"
            ),
        })
    }

    /// The catalogue compiled into the UI: none in the wasm.
    #[cfg(target_arch = "wasm32")]
    pub(super) fn compiled_source(self) -> Option<&'static str> {
        None
    }

    /// The language as the shell names it when the window asks for its catalogue.
    pub fn shell_language(self) -> ShellLanguage {
        match self {
            Lang::En => ShellLanguage::En,
            Lang::Ja => ShellLanguage::Ja,
        }
    }

    pub(super) fn langid(self) -> LanguageIdentifier {
        self.tag().parse().unwrap_or_default()
    }

    /// The language for a locale tag such as "ja-JP" or "en_US"; `None` for one without a
    /// catalogue.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The webview's language (the OS's), English when it has no catalogue.
    pub fn of_system() -> Lang {
        system_tag()
            .and_then(|tag| Lang::from_tag(&tag))
            .unwrap_or(Lang::En)
    }
}

#[cfg(target_arch = "wasm32")]
fn system_tag() -> Option<String> {
    web_sys::window()?.navigator().language()
}

#[cfg(not(target_arch = "wasm32"))]
fn system_tag() -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_tags_pick_the_language_by_its_primary_subtag() {
        assert_eq!(Lang::from_tag("ja-JP"), Some(Lang::Ja));
        assert_eq!(Lang::from_tag("ja"), Some(Lang::Ja));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("EN-us"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr-FR"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    /// Every language is asked of the shell by its own tag, and every language the shell keeps
    /// is one the menu offers.
    #[test]
    fn the_shell_keeps_every_languages_catalogue() {
        for lang in Lang::ALL {
            assert_eq!(lang.shell_language().tag(), lang.tag());
        }
        for held in ShellLanguage::ALL {
            let lang = Lang::from_tag(held.tag());
            assert_eq!(lang.map(Lang::shell_language), Some(held));
        }
    }
}
