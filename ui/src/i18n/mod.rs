//! The UI's words in the user's language: Project Fluent catalogues (`ui/locales/<tag>.ftl`
//! and the area files in `ui/locales/<tag>/`, listed once by `lanyard_model::catalogue_source!`),
//! the language in use, and numbers and dates as that language writes them. The wasm carries no
//! catalogue: the shell keeps them all and answers one when the window speaks that language
//! (`app_catalogue`, loaded by `crate::context`, handed here with [`install`]). Every
//! user-facing string is `tr!("key")` or `tr!("key", name = value, ...)`; a key missing from
//! one catalogue, or in a catalogue but used nowhere, fails `catalogue_tests`.
//!
//! The language follows the webview's (`navigator.language`) until the user picks one; the pick
//! is kept by the shell in the settings file (`app_set_language`, read back in `app_info`).
//! Changing it re-renders the frame (`App`), so texts are plain `String`s, not reactive closures.

mod catalogue;
mod changes;
mod error_details;
mod errors;
mod lang;
mod lists;
mod problems;
pub(crate) mod records;
mod run_refusals;
mod runs;
mod runs_journal;
mod states;
mod warnings;
pub mod words;

use std::cell::{Cell, RefCell};

use fluent_bundle::{FluentArgs, FluentValue};

use catalogue::Catalogue;

pub use changes::{change_summary, label};
pub use errors::{error_text, words_ready};
pub use lang::Lang;
pub use lists::{list_error, skip_reason};
pub use problems::field_problems;
pub use run_refusals::not_copyable;
pub use runs::{error_with_problems, item_note, list_note, run_note, run_title, side_note};
pub use runs_journal::journal_problem;
pub use states::target_state;
pub use warnings::{action_label, kind_title, warning_message, warning_reason};

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
    static CATALOGUES: RefCell<Vec<(Lang, Catalogue)>> = const { RefCell::new(Vec::new()) };
}

/// The language the UI speaks now.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Makes `lang` the UI's language for every text formatted from now on.
pub fn set_lang(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
    if let Some(root) = web_document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

#[cfg(target_arch = "wasm32")]
fn web_document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

#[cfg(not(target_arch = "wasm32"))]
fn web_document() -> Option<web_sys::Document> {
    None
}

/// Whether `lang`'s words are at hand: compiled in, or loaded from the shell with [`install`].
pub fn has_catalogue(lang: Lang) -> bool {
    lang.compiled_source().is_some()
        || CATALOGUES.with(|kept| kept.borrow().iter().any(|(l, _)| *l == lang))
}

/// Keeps `source`, the Fluent text of `lang`'s catalogue as the shell answered it, as that
/// language's words (replacing any kept before).
pub fn install(lang: Lang, source: String) {
    let catalogue = Catalogue::new(lang, source);
    CATALOGUES.with(|kept| {
        let mut kept = kept.borrow_mut();
        kept.retain(|(l, _)| *l != lang);
        kept.push((lang, catalogue));
    });
}

/// The message `key` in the current language with `args`; in English while that language's
/// catalogue is not at hand; the key itself when the catalogue lacks it (the catalogue test
/// keeps that from shipping).
pub fn message(key: &str, args: Option<&FluentArgs>) -> String {
    let lang = Some(lang())
        .filter(|l| has_catalogue(*l))
        .unwrap_or(Lang::En);
    CATALOGUES.with(|kept| {
        let mut kept = kept.borrow_mut();
        if !kept.iter().any(|(l, _)| *l == lang)
            && let Some(source) = lang.compiled_source()
        {
            kept.push((lang, Catalogue::new(lang, source.to_owned())));
        }
        kept.iter_mut()
            .find(|(l, _)| *l == lang)
            .and_then(|(_, catalogue)| catalogue.format(key, args))
            .unwrap_or_else(|| key.to_owned())
    })
}

/// Numbers in a message, written by [`number`].
fn format_value<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(number(n.value)),
        _ => None,
    }
}

/// A number as the current language writes it ("4,210"; Japanese groups the same way).
pub fn number(n: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::Number::from(n).to_locale_string(lang().tag()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        if n.fract() == 0.0 && n >= 0.0 && n < u64::MAX as f64 {
            count(n as u64)
        } else {
            n.to_string()
        }
    }
}

/// A count with thousands separated: 10000 -> "10,000" (English and Japanese group alike).
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `tr!("key")` or `tr!("key", name = value, ...)`: the catalogue's text for `key` in the UI's
/// language; each value is a string or a number (numbers choose plural forms).
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::message($key, None)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = ::fluent_bundle::FluentArgs::new();
        $(args.set(stringify!($name), ::fluent_bundle::FluentValue::from($value));)+
        $crate::i18n::message($key, Some(&args))
    }};
}

#[cfg(test)]
mod catalogue_tests;
#[cfg(test)]
mod japanese_tests;
