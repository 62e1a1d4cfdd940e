//! The Activity page's reads: the entries that match a filter, newest first, a page at a time.
//!
//! The log may hold hundreds of thousands of entries, so no answer holds them all: a filter is
//! run once over the file, line by line, and what is kept is where each matching line starts
//! (8 bytes an entry). Pages are then read from those offsets. The last filter's offsets are
//! kept until the file changes (its length and modification time) or another filter is asked.

use std::borrow::Cow;
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::marker::PhantomData;
use std::time::SystemTime;

use lanyard_model::Label;
use serde::de::value::MapAccessDeserializer;
use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{AuditEntry, AuditError, AuditLog, AuditNote, Outcome};

/// What a page read found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditPage {
    /// The matching entries from the offset asked for on, newest first.
    pub entries: Vec<AuditEntry>,
    /// How many entries the filter matches in the whole log.
    pub matching: usize,
    /// How many entries the log holds.
    pub total: usize,
    /// Lines that were not entries (e.g. the last one, cut off by a crash).
    pub skipped_lines: usize,
}

/// Where the entries that match `filter` start in the file, as of `version`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Matches {
    filter: String,
    version: (u64, Option<SystemTime>),
    /// Oldest first, as in the file.
    starts: Vec<u64>,
    total: usize,
    skipped_lines: usize,
}

/// The words of an entry the filter looks in, borrowed from the line where they need no
/// unescaping. The other fields are checked to be there (and of their type) as [`AuditEntry`]
/// wants them, so that a line counts here exactly when the page can show it, but the request is
/// not built.
#[derive(Deserialize)]
#[allow(dead_code)] // read for their type only
struct Searched<'a> {
    #[serde(borrow)]
    time: Cow<'a, str>,
    profile_id: IgnoredAny,
    #[serde(borrow)]
    profile_name: Cow<'a, str>,
    #[serde(borrow)]
    product: Cow<'a, str>,
    #[serde(borrow)]
    operation: Cow<'a, str>,
    #[serde(borrow)]
    targets: Vec<SearchedTarget<'a>>,
    request: IgnoredAny,
    outcome: Outcome,
    #[serde(default)]
    status: Option<u16>,
    #[serde(default)]
    message: Option<AuditNote>,
    #[serde(default, borrow)]
    correlation_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    who: Cow<'a, str>,
    #[serde(default, borrow)]
    run_id: Option<Cow<'a, str>>,
}

/// A target of [`Searched`], as [`super::Target`] has it.
#[derive(Deserialize)]
#[allow(dead_code)] // `kind` read for its type only
struct SearchedTarget<'a> {
    #[serde(borrow)]
    kind: Cow<'a, str>,
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(default, borrow)]
    name: Option<SearchedName<'a>>,
}

/// A target's name as [`super::Target`] has it: the plain name (most lines), borrowed from the
/// line where it needs no unescaping, or what the console calls the target (an item known only
/// by its id, the instance), built as its [`Label`]; a shape `Label` does not take fails the
/// line, as it fails [`AuditEntry`].
enum SearchedName<'a> {
    Plain(Cow<'a, str>),
    Typed(Label),
}

impl<'de: 'a, 'a> Deserialize<'de> for SearchedName<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name<'a>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Name<'a> {
            type Value = SearchedName<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a target's name or label")
            }
            fn visit_borrowed_str<E>(self, name: &'de str) -> Result<Self::Value, E> {
                Ok(SearchedName::Plain(Cow::Borrowed(name)))
            }
            fn visit_str<E>(self, name: &str) -> Result<Self::Value, E> {
                Ok(SearchedName::Plain(Cow::Owned(name.to_owned())))
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
                Label::deserialize(MapAccessDeserializer::new(map)).map(SearchedName::Typed)
            }
        }
        deserializer.deserialize_any(Name(PhantomData))
    }
}

impl Searched<'_> {
    /// Whether every term (lower case) is found in the entry's time, profile, product, change
    /// (as written or as the page shows it, with spaces), targets (ids and names; a typed
    /// name in English, its `Display` with the id it names), outcome, correlation id or note
    /// (in English: an old line's words, a typed note's `Display` with the ids it names).
    /// `words` is a buffer the scan lends each entry in turn.
    fn matches(&self, terms: &[String], words: &mut String) -> bool {
        use std::fmt::Write as _;
        if terms.is_empty() {
            return true;
        }
        words.clear();
        for part in [
            &*self.time,
            &self.profile_name,
            &self.product,
            &self.operation,
            self.outcome.as_str(),
            self.correlation_id.as_deref().unwrap_or_default(),
        ] {
            words.push_str(part);
            words.push(' ');
        }
        // The change as the page shows it, with spaces.
        words.extend(
            self.operation
                .chars()
                .map(|c| if c == '_' { ' ' } else { c }),
        );
        for t in &self.targets {
            words.push(' ');
            words.push_str(&t.id);
            match &t.name {
                Some(SearchedName::Plain(name)) => {
                    words.push(' ');
                    words.push_str(name);
                }
                Some(SearchedName::Typed(label)) => {
                    words.push(' ');
                    let _ = write!(words, "{label}");
                }
                None => {}
            }
        }
        if let Some(note) = &self.message {
            words.push(' ');
            let _ = write!(words, "{note}");
        }
        if words.is_ascii() {
            words.make_ascii_lowercase();
        } else {
            *words = words.to_lowercase();
        }
        terms.iter().all(|t| words.contains(t.as_str()))
    }
}

/// The filter's terms: its words, lower case.
fn terms(filter: &str) -> Vec<String> {
    filter.split_whitespace().map(str::to_lowercase).collect()
}

impl AuditLog {
    /// `limit` of the entries that match `filter` (every word, any case), newest first, from
    /// `offset` on, with how many match; a missing file is an empty log. `sequence` orders the
    /// reads as the window asked for them: a read of another filter than the one with the
    /// highest sequence so far stops with [`AuditError::Superseded`].
    pub fn page(
        &self,
        filter: &str,
        offset: usize,
        limit: usize,
        sequence: u64,
    ) -> Result<AuditPage, AuditError> {
        let read_err = |source| AuditError::Read {
            path: self.path.clone(),
            source,
        };
        let mut file = match File::open(&self.path) {
            Ok(file) => file,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Ok(AuditPage::default());
            }
            Err(source) => return Err(read_err(source)),
        };
        let meta = file.metadata().map_err(read_err)?;
        let version = (meta.len(), meta.modified().ok());
        let filter = terms(filter).join(" ");
        self.ask(&filter, sequence)?;
        let mut cache = self
            .matches
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let fresh = cache
            .as_ref()
            .is_some_and(|m| m.filter == filter && m.version == version);
        if !fresh {
            // The old offsets go first: two lists of a big log are not held at once.
            *cache = None;
            let newer = || self.asked_last() != filter;
            match scan(&mut file, &filter, version, newer).map_err(read_err)? {
                Some(scanned) => *cache = Some(scanned),
                None => return Err(AuditError::Superseded),
            }
        }
        let Some(m) = cache.as_ref() else {
            return Ok(AuditPage::default());
        };
        // Newest first: the page's offsets counted from the end of the file's order.
        let end = m.starts.len().saturating_sub(offset);
        let start = end.saturating_sub(limit);
        let mut entries = Vec::with_capacity(end - start);
        let mut line = Vec::new();
        for &at in m.starts[start..end].iter().rev() {
            file.seek(SeekFrom::Start(at)).map_err(read_err)?;
            line.clear();
            // A line is read whole, but never past the file's length when it was scanned.
            BufReader::new((&file).take(version.0.saturating_sub(at)))
                .read_until(b'\n', &mut line)
                .map_err(read_err)?;
            if let Ok(entry) = serde_json::from_slice::<AuditEntry>(&line) {
                entries.push(entry);
            }
        }
        Ok(AuditPage {
            entries,
            matching: m.starts.len(),
            total: m.total,
            skipped_lines: m.skipped_lines,
        })
    }
}

impl AuditLog {
    /// Notes that `filter` is asked for with `sequence`; superseded when a higher sequence asked
    /// for another filter already.
    pub(super) fn ask(&self, filter: &str, sequence: u64) -> Result<(), AuditError> {
        let mut asked = self
            .asked
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if sequence >= asked.1 {
            *asked = (filter.to_owned(), sequence);
            Ok(())
        } else if asked.0 == filter {
            Ok(())
        } else {
            Err(AuditError::Superseded)
        }
    }

    /// The filter asked for last.
    fn asked_last(&self) -> String {
        self.asked
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .0
            .clone()
    }
}

/// Lines read between two looks at whether another filter was asked for.
const LOOK_EVERY: usize = 2_048;

/// One pass over the file: where each entry that matches `filter` starts; `None` when `newer`
/// says another filter was asked for meanwhile (typing a word asks once a letter).
pub(super) fn scan(
    file: &mut File,
    filter: &str,
    version: (u64, Option<SystemTime>),
    newer: impl Fn() -> bool,
) -> std::io::Result<Option<Matches>> {
    file.seek(SeekFrom::Start(0))?;
    let terms = terms(filter);
    let mut m = Matches {
        filter: filter.to_owned(),
        version,
        starts: Vec::new(),
        total: 0,
        skipped_lines: 0,
    };
    // Only what was there when the length was taken: a line appended meanwhile waits for the
    // next read, which sees a new version.
    let mut reader = BufReader::new(file.take(version.0));
    let mut line = Vec::new();
    let mut words = String::new();
    let mut at = 0u64;
    for read in 1_usize.. {
        if read.is_multiple_of(LOOK_EVERY) && newer() {
            return Ok(None);
        }
        line.clear();
        let n = reader.read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        let start = at;
        at += n as u64;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Searched>(&line) {
            Ok(entry) => {
                m.total += 1;
                if entry.matches(&terms, &mut words) {
                    m.starts.push(start);
                }
            }
            Err(_) => m.skipped_lines += 1,
        }
    }
    Ok(Some(m))
}
