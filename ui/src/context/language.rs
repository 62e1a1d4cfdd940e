//! The UI's language at start and when the user picks one. English is compiled in; any other
//! language's catalogue is asked of the shell (`app_catalogue`) before a word of it is shown, so
//! the frame waits for it at start (no English flash for a Japanese user) and a pick changes
//! the words only once they are there. A catalogue that cannot be loaded leaves the UI in
//! English, with a toast saying why.

use lanyard_model::CommandError;
use lanyard_model::ipc::{AppSetLanguage, LanguageArgs};
use leptos::prelude::*;

use super::Ctx;
use crate::backend;
use crate::i18n::{self, Lang};
use crate::load::Loaded;

impl Ctx {
    /// The start: reads the app's info and settles the language (the one the user picked, kept
    /// in the settings file, else the system's) with its catalogue loaded; until then the frame
    /// draws nothing.
    pub fn start(&self) {
        let ctx = *self;
        leptos::task::spawn_local(async move {
            let answer = backend::app_info().await;
            crate::mark("lanyard:info-answered");
            let picked = answer
                .as_ref()
                .ok()
                .and_then(|i| i.language.as_deref())
                .and_then(Lang::from_tag);
            let wanted = picked.unwrap_or_else(Lang::of_system);
            let speaking = match load(wanted).await {
                Ok(()) => wanted,
                Err(err) => {
                    ctx.not_loaded(wanted, &err);
                    Lang::En
                }
            };
            crate::mark("lanyard:catalogue-ready");
            ctx.info.set(match answer {
                Ok(answer) => Loaded::Ready(answer),
                Err(err) => Loaded::Failed(err),
            });
            ctx.lang.set(speaking);
            ctx.lang_ready.set(true);
            crate::mark("lanyard:info-set");
        });
    }

    /// Speaks `lang` from now on, once its catalogue is loaded, and the next time Lanyard starts
    /// (the shell keeps it in the settings file); says so if it could not be loaded or kept.
    pub fn choose_lang(&self, lang: Lang) {
        let ctx = *self;
        ctx.lang_picked.set_value(Some(lang));
        leptos::task::spawn_local(async move {
            let loaded = load(lang).await;
            if ctx.lang_picked.get_value() != Some(lang) {
                return;
            }
            if let Err(err) = loaded {
                ctx.not_loaded(lang, &err);
                // Drawn again in the language still spoken, the menu naming it.
                ctx.lang.set(ctx.lang.get_untracked());
                return;
            }
            ctx.lang.set(lang);
            let args = LanguageArgs {
                language: Some(lang.tag().to_owned()),
            };
            if let Err(err) = backend::invoke::<AppSetLanguage>(&args).await {
                ctx.toasts.error(crate::tr!(
                    "app-language-not-kept",
                    cause = i18n::error_text(&err)
                ));
            }
        });
    }

    fn not_loaded(&self, lang: Lang, err: &CommandError) {
        self.toasts.error(not_loaded_text(lang, err));
    }
}

/// What the user is told when `lang`'s catalogue could not be loaded, in the language spoken.
fn not_loaded_text(lang: Lang, err: &CommandError) -> String {
    crate::tr!(
        "app-language-not-loaded",
        language = lang.native_name(),
        cause = i18n::error_text(err)
    )
}

/// Makes `lang`'s catalogue at hand: compiled in, loaded before, or asked of the shell now.
async fn load(lang: Lang) -> Result<(), CommandError> {
    let Some(held) = lang.held_by_shell().filter(|_| !i18n::has_catalogue(lang)) else {
        return Ok(());
    };
    let source = backend::app_catalogue(held).await?;
    crate::mark("lanyard:catalogue-answered");
    i18n::install(lang, source);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The toast names the language that could not be loaded and why, in English words (the
    /// language spoken then), never a catalogue's key.
    #[test]
    fn a_catalogue_not_loaded_is_said_in_english_with_its_cause() {
        i18n::set_lang(Lang::En);
        let err = CommandError::Cancelled;
        let text = not_loaded_text(Lang::Ja, &err);
        let cause = i18n::error_text(&err);
        assert_eq!(
            text,
            format!(
                "The words of 日本語 could not be loaded, so Lanyard stays in English: {cause}"
            )
        );
        assert!(!cause.is_empty() && !cause.contains("-not-"), "{cause}");
    }
}
