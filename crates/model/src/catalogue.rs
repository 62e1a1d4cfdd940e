//! The UI's catalogues, which the shell keeps for it: every language's catalogue, English's
//! included, is compiled into the shell and answered by `app_catalogue` when the window speaks
//! that language, so the UI's wasm carries no words (it asks for its first language's beside
//! its first `app_info`).

use serde::{Deserialize, Serialize};

/// A UI language whose catalogue the shell answers, by its BCP 47 tag on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ShellLanguage {
    En,
    Ja,
}

impl ShellLanguage {
    pub const ALL: [ShellLanguage; 2] = [ShellLanguage::En, ShellLanguage::Ja];

    pub fn tag(self) -> &'static str {
        match self {
            ShellLanguage::En => "en",
            ShellLanguage::Ja => "ja",
        }
    }
}

/// A language's catalogue as one Fluent source: `<locales>/<tag>.ftl` and the area files in
/// `<locales>/<tag>/`, joined (one resource, so a key is defined once across them). The one
/// list of a catalogue's files, for the shell (the languages it answers) and the UI's native
/// tests (every language). `locales` is the absolute path of `ui/locales`,
/// e.g. `concat!(env!("CARGO_MANIFEST_DIR"), "/locales")`; `tag` a string literal.
#[macro_export]
macro_rules! catalogue_source {
    ($locales:expr, $tag:literal) => {
        concat!(
            include_str!(concat!($locales, "/", $tag, ".ftl")),
            "\n",
            include_str!(concat!($locales, "/", $tag, "/runs.ftl")),
            "\n",
            include_str!(concat!($locales, "/", $tag, "/records.ftl")),
            "\n",
            include_str!(concat!($locales, "/", $tag, "/language.ftl")),
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_travels_as_its_tag_and_no_other_is_read() {
        for lang in ShellLanguage::ALL {
            let json = serde_json::to_value(lang).unwrap_or_default();
            assert_eq!(json, serde_json::json!(lang.tag()));
        }
        assert!(serde_json::from_value::<ShellLanguage>(serde_json::json!("fr")).is_err());
        assert!(serde_json::from_value::<ShellLanguage>(serde_json::json!("en-US")).is_err());
        assert!(serde_json::from_value::<ShellLanguage>(serde_json::json!("JA")).is_err());
    }

    #[test]
    fn the_list_joins_a_languages_files() {
        let ja = catalogue_source!(
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/locales"),
            "ja"
        );
        assert!(ja.contains("app-language = 言語"));
        assert!(ja.contains("app-language-not-loaded ="));
    }
}
