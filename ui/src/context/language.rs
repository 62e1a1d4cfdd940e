//! The UI's language at start and when the user picks one. The wasm carries no words: each
//! language's catalogue is asked of the shell (`app_catalogue`) before a word of it is shown, so
//! the frame waits for it at start (no English flash for a Japanese user) and a pick changes
//! the words only once they are there. The system's language is asked for beside the first
//! `app_info`, so the usual start costs no extra round trip. A catalogue that cannot be loaded
//! leaves the UI in English, with a toast saying why; when not even English's can be, the
//! window says so in English words of its own (there is no catalogue to word it).

use futures::future::join;
use lanyard_model::CommandError;
use lanyard_model::error::ConfigProblem;
use lanyard_model::ipc::{AppSetLanguage, LanguageArgs};
use leptos::prelude::*;

use super::Ctx;
use crate::backend;
use crate::i18n::{self, Lang};
use crate::load::Loaded;

/// Where the language at start stands.
#[derive(Debug, Clone, PartialEq)]
pub enum LangStart {
    /// The catalogues are being asked for; the frame draws nothing yet.
    Settling,
    /// `Ctx::lang`'s catalogue is at hand.
    Ready,
    /// Not even the English catalogue could be loaded: why, in English (no catalogue to word it).
    NoWords(String),
}

impl Ctx {
    /// The start: reads the app's info and settles the language (the one the user picked, kept
    /// in the settings file, else the system's) with its catalogue loaded; until then the frame
    /// draws nothing.
    pub fn start(&self) {
        let ctx = *self;
        leptos::task::spawn_local(async move {
            let system = Lang::of_system();
            let (answer, system_loaded) = join(backend::app_info(), load(system)).await;
            crate::mark("lanyard:info-answered");
            let picked = answer
                .as_ref()
                .ok()
                .and_then(|i| i.language.as_deref())
                .and_then(Lang::from_tag);
            let wanted = picked.unwrap_or(system);
            let loaded = if wanted == system {
                system_loaded
            } else {
                load(wanted).await
            };
            let speaking = match loaded {
                Ok(()) => Ok(wanted),
                Err(err) if wanted == Lang::En => Err(err),
                Err(err) => match load(Lang::En).await {
                    Ok(()) => {
                        ctx.not_loaded(wanted, &err);
                        Ok(Lang::En)
                    }
                    Err(err) => Err(err),
                },
            };
            crate::mark("lanyard:catalogue-ready");
            ctx.info.set(match answer {
                Ok(answer) => Loaded::Ready(answer),
                Err(err) => Loaded::Failed(err),
            });
            match speaking {
                Ok(lang) => {
                    ctx.lang.set(lang);
                    ctx.lang_ready.set(LangStart::Ready);
                }
                Err(err) => ctx.lang_ready.set(LangStart::NoWords(no_words_text(&err))),
            }
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

/// Makes `lang`'s catalogue at hand: loaded before, or asked of the shell now.
async fn load(lang: Lang) -> Result<(), CommandError> {
    if i18n::has_catalogue(lang) {
        return Ok(());
    }
    let source = backend::app_catalogue(lang.shell_language()).await?;
    crate::mark("lanyard:catalogue-answered");
    i18n::install(lang, source);
    Ok(())
}

/// What the window says when it has no words at all: in English written here (there is no
/// catalogue to word it), with the bridge's own reason when it gave one.
fn no_words_text(err: &CommandError) -> String {
    let why = match err {
        CommandError::Configuration {
            problem: ConfigProblem::WindowUnreachable { detail, .. },
        } => format!(" ({detail})"),
        _ => String::new(),
    };
    format!(
        "Lanyard could not load the words of its window from its own program{why}, so it cannot \
         show its pages. Restart Lanyard; if this keeps happening, install it again."
    )
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

    /// With no catalogue at all the window still names what failed, the bridge's reason
    /// included, and what to do.
    #[test]
    fn no_words_names_the_bridges_reason_and_the_fix() {
        let err = CommandError::Configuration {
            problem: ConfigProblem::WindowUnreachable {
                command: "app_catalogue".to_owned(),
                detail: "its answer did not have the expected shape (invalid type)".to_owned(),
            },
        };
        let text = no_words_text(&err);
        assert!(text.contains("(its answer did not have the expected shape (invalid type))"));
        assert!(text.contains("Restart Lanyard"), "{text}");
        let text = no_words_text(&CommandError::Cancelled);
        assert!(
            text.starts_with(
                "Lanyard could not load the words of its window from its own program, so"
            ),
            "{text}"
        );
    }
}
