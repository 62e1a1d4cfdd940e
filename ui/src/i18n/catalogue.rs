//! One language's catalogue, parsed a message at a time. The shell answers the whole Fluent
//! text (about 70 KB, 1,100 messages); parsing all of it cost about 6 ms before the first frame,
//! and memory for messages most sessions never show, while the first screen formats about a
//! hundred. So the text is only cut into messages at first (one pass over its lines), and each
//! message is parsed the first time it is formatted, with the messages it refers to
//! (`{ other-message }`).

use std::ops::Range;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

use super::Lang;

pub struct Catalogue {
    source: String,
    /// Every message's id, with where its text is in `source`, sorted by id.
    entries: Vec<Entry>,
    /// The messages parsed so far.
    bundle: FluentBundle<FluentResource>,
}

struct Entry {
    id: Range<usize>,
    text: Range<usize>,
    parsed: bool,
}

impl Catalogue {
    /// `lang`'s catalogue from its Fluent text; numbers are written by `super::number`.
    pub fn new(lang: Lang, source: String) -> Self {
        let bundle = empty_bundle(lang);
        let mut entries = entries_of(&source);
        entries.sort_by(|a, b| source[a.id.clone()].cmp(&source[b.id.clone()]));
        Self {
            source,
            entries,
            bundle,
        }
    }

    /// The message `id` with `args`, or `None` when the catalogue has no such message (or it
    /// did not parse: the catalogue tests keep that from shipping).
    pub fn format(&mut self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        self.parse(id);
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            self.bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned(),
        )
    }

    /// Parses message `id` and, in turn, every message its text refers to, each once. A
    /// message parsed before costs one lookup (this runs for every text the UI formats).
    fn parse(&mut self, id: &str) {
        let Some(first) = self.find(id) else { return };
        if self.entries[first].parsed {
            return;
        }
        let mut due = vec![first];
        while let Some(at) = due.pop() {
            if std::mem::replace(&mut self.entries[at].parsed, true) {
                continue;
            }
            let text = &self.source[self.entries[at].text.clone()];
            due.extend(references(text).filter_map(|id| self.find(id)));
            // Whatever part of a message parsed is kept, as with a whole catalogue.
            let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = self.bundle.add_resource(resource);
        }
    }

    fn find(&self, id: &str) -> Option<usize> {
        self.entries
            .binary_search_by(|e| self.source[e.id.clone()].cmp(id))
            .ok()
    }
}

/// A bundle for `lang` with no message yet: no Unicode isolation marks around arguments
/// (WebKit lays out mixed text itself, and the marks would end up in copied text and in the
/// e2e tests' text matches); numbers written by `super::number`.
fn empty_bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new(vec![lang.langid()]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(super::format_value));
    bundle
}

/// The messages and terms of a Fluent text: each starts at a line's first column with its id
/// and runs to the next line that starts another (a letter or `-`) or a comment (`#`). A
/// message's own lines are indented, or blank, or close a placeable (`}` in the first column).
fn entries_of(source: &str) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut open: Option<(Range<usize>, usize)> = None;
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        let first = line.as_bytes().first().copied().unwrap_or(b' ');
        let starts_id = first.is_ascii_alphabetic() || first == b'-';
        if (starts_id || first == b'#')
            && let Some((id, start)) = open.take()
        {
            entries.push(Entry {
                id,
                text: start..at,
                parsed: false,
            });
        }
        if starts_id {
            let id_len = line
                .bytes()
                .position(|b| !is_id_byte(b))
                .unwrap_or(line.len());
            open = Some((at..at + id_len, at));
        }
        at += line.len();
    }
    if let Some((id, start)) = open {
        entries.push(Entry {
            id,
            text: start..at,
            parsed: false,
        });
    }
    entries
}

/// The ids a message's text refers to: `{ other-message }`, `{ -term }`, `{ message.attr }`.
/// Variables (`{ $count }`), literals and functions (`NUMBER(...)`) are not messages; an id
/// that is not in the catalogue is passed over.
fn references(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|after| {
        let after = after.trim_start();
        let len = after
            .bytes()
            .position(|b| !is_id_byte(b))
            .unwrap_or(after.len());
        let id = &after[..len];
        let first = id.bytes().next()?;
        (first.is_ascii_alphabetic() || first == b'-').then_some(id)
    })
}

fn is_id_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue(source: &str) -> Catalogue {
        Catalogue::new(Lang::En, source.to_owned())
    }

    const SOURCE: &str = "## The frame\n\
        # A comment on the next message\n\
        zeta = Last { $n }\n\
        alpha = First line\n    \
        and its second line\n\
        \n\
        tick = tick \"{ list-header }\"\n\
        count = { $n ->\n    \
            [one] one\n   \
           *[other] { $n } many\n\
        }\n\
        list-header = the header\n\
        broken = { $unclosed\n\
        after-broken = still here";

    #[test]
    fn each_message_reads_as_its_whole_text_without_the_others_parsed() {
        let mut c = catalogue(SOURCE);
        assert_eq!(
            c.format("alpha", None).as_deref(),
            Some("First line\nand its second line")
        );
        let mut args = FluentArgs::new();
        args.set("n", "3");
        assert_eq!(c.format("zeta", Some(&args)).as_deref(), Some("Last 3"));
        assert_eq!(c.entries.iter().filter(|e| e.parsed).count(), 2);
    }

    #[test]
    fn a_message_brings_what_it_refers_to_and_keeps_its_closing_brace() {
        let mut c = catalogue(SOURCE);
        assert_eq!(
            c.format("tick", None).as_deref(),
            Some("tick \"the header\"")
        );
        let mut args = FluentArgs::new();
        args.set("n", 5);
        assert_eq!(c.format("count", Some(&args)).as_deref(), Some("5 many"));
    }

    #[test]
    fn a_broken_message_hides_no_other_and_an_unknown_id_is_none() {
        let mut c = catalogue(SOURCE);
        assert_eq!(c.format("broken", None), None);
        assert_eq!(
            c.format("after-broken", None).as_deref(),
            Some("still here")
        );
        assert_eq!(c.format("missing", None), None);
        assert_eq!(c.format("", None), None);
    }

    #[test]
    fn windows_line_ends_and_an_empty_text_are_read() {
        let mut c = catalogue("a = one\r\nb = two\r\n");
        assert_eq!(c.format("b", None).as_deref(), Some("two"));
        assert_eq!(catalogue("").format("a", None), None);
    }

    /// Each real catalogue, read a message at a time, says what it says parsed whole: every
    /// message, formatted alone first (no other parsed before it), with every argument it
    /// could take given the same values.
    #[test]
    fn every_message_of_both_catalogues_reads_as_the_whole_catalogue_says_it() {
        for lang in Lang::ALL {
            let source = lang.compiled_source().unwrap_or_default().to_owned();
            let whole = FluentResource::try_new(source.clone()).unwrap_or_else(|(r, _)| r);
            let mut bundle = empty_bundle(lang);
            let _ = bundle.add_resource(whole);
            let ids: Vec<String> = entries_of(&source)
                .iter()
                .map(|e| source[e.id.clone()].to_owned())
                .collect();
            assert!(
                ids.len() > 500,
                "{}: only {} messages found",
                lang.tag(),
                ids.len()
            );
            let mut args = FluentArgs::new();
            for name in [
                "n", "count", "total", "done", "product", "name", "what", "cause",
            ] {
                args.set(name, 2);
            }
            for id in &ids {
                let pattern = bundle.get_message(id).and_then(|m| m.value());
                let Some(pattern) = pattern else {
                    panic!(
                        "{}: {id} is not a message of the whole catalogue",
                        lang.tag()
                    )
                };
                let mut errors = Vec::new();
                let expected = bundle
                    .format_pattern(pattern, Some(&args), &mut errors)
                    .into_owned();
                let alone = Catalogue::new(lang, source.clone()).format(id, Some(&args));
                assert_eq!(
                    alone.as_deref(),
                    Some(expected.as_str()),
                    "{}: {id}",
                    lang.tag()
                );
            }
        }
    }
}
