//! The UI catalogues the shell keeps (every language's; the wasm carries none):
//! compiled in from `ui/locales` through the one list of a catalogue's files, and answered by
//! `app_catalogue` when the window speaks that language.

use lanyard_model::catalogue::ShellLanguage;
use lanyard_model::catalogue_source;

/// The Fluent source of `language`'s catalogue.
pub fn source(language: ShellLanguage) -> &'static str {
    match language {
        ShellLanguage::En => {
            catalogue_source!(concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/locales"), "en")
        }
        ShellLanguage::Ja => {
            catalogue_source!(concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/locales"), "ja")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_is_its_own_catalogue_from_every_file() {
        let ja = source(ShellLanguage::Ja);
        // A key of ja.ftl, and one of the last area file: nothing was left out.
        assert!(ja.contains("app-language = 言語"), "ja.ftl");
        assert!(ja.contains("app-language-not-loaded = "), "ja/language.ftl");
        assert!(
            !ja.contains("app-language = Language"),
            "the English catalogue"
        );
        let en = source(ShellLanguage::En);
        assert!(en.contains("app-language = Language"), "en.ftl");
        assert!(en.contains("app-language-not-loaded = "), "en/language.ftl");
        assert!(!en.contains("言語"), "the Japanese catalogue");
    }
}
