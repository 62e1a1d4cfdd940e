//! Targets from a list: the entries of a pasted list or a CSV column (read by
//! `lanyard_model::bulk::list`) matched against the targets of one kind: by id exactly, else by
//! name or display name, whole and in any case. One target: resolved; several: ambiguous, with
//! the candidates; none: left for a live look-up, then unknown. An entry that resolves to a
//! target an earlier entry already named is collapsed into it and counted with the repeats.
//!
//! This module only matches; `console::target_list` gathers the candidates (the inventory,
//! then the server for what it lacks).

use std::collections::HashMap;

use lanyard_model::bulk::list::{
    AmbiguousEntry, ListCandidate, ListDuplicate, ListEntry, ListResolution, MatchedBy, ParsedList,
    ResolvedEntry,
};
use lanyard_model::bulk::{BulkTarget, ListNote};

/// A target an entry may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub(crate) name: String,
    pub(crate) display_name: Option<String>,
    /// As a run takes it (its id, the name it is shown by, a ZITADEL IdP's owner type).
    pub(crate) target: BulkTarget,
}

/// The candidates of one source, indexed for whole-name look-ups.
#[derive(Debug, Default)]
pub(crate) struct Matcher {
    candidates: Vec<Candidate>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, Vec<(usize, MatchedBy)>>,
}

/// What one entry found among a source's candidates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    One(Candidate, MatchedBy),
    Several(Vec<Candidate>),
    Nothing,
}

/// The key a name is looked up by: trimmed, lower-cased (Unicode, as the inventory's search).
fn key(text: &str) -> String {
    text.trim().to_lowercase()
}

impl Matcher {
    pub(crate) fn new(candidates: Vec<Candidate>) -> Self {
        let mut m = Self::default();
        for (i, c) in candidates.iter().enumerate() {
            m.by_id.entry(c.target.id.clone()).or_insert(i);
            m.by_name
                .entry(key(&c.name))
                .or_default()
                .push((i, MatchedBy::Name));
            if let Some(display) = c.display_name.as_deref().filter(|d| !d.trim().is_empty()) {
                let list = m.by_name.entry(key(display)).or_default();
                // An organization whose display name is its name is one candidate, not two.
                if !list.iter().any(|(j, _)| *j == i) {
                    list.push((i, MatchedBy::DisplayName));
                }
            }
        }
        m.candidates = candidates;
        m
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// The target `text` names: its id exactly, else its name or display name whole, any case.
    pub(crate) fn find(&self, text: &str) -> Found {
        let pick = |i: usize| self.candidates.get(i).cloned();
        if let Some(c) = self.by_id.get(text).and_then(|i| pick(*i)) {
            return Found::One(c, MatchedBy::Id);
        }
        let hits = self.by_name.get(&key(text)).map_or(&[][..], Vec::as_slice);
        match hits {
            [] => Found::Nothing,
            [(i, by)] => pick(*i).map_or(Found::Nothing, |c| Found::One(c, *by)),
            many => Found::Several(many.iter().filter_map(|(i, _)| pick(*i)).collect()),
        }
    }
}

/// The outcome of each entry of a list, filled source by source, then put in list order.
#[derive(Debug)]
pub(crate) struct Outcomes {
    list: ParsedList,
    found: Vec<Option<(Found, bool)>>,
}

impl Outcomes {
    pub(crate) fn new(list: ParsedList) -> Self {
        let found = vec![None; list.entries.len()];
        Self { list, found }
    }

    /// The entries no source has answered yet.
    pub(crate) fn pending(&self) -> Vec<(usize, &ListEntry)> {
        self.list
            .entries
            .iter()
            .enumerate()
            .filter(|(i, _)| self.found.get(*i).is_some_and(Option::is_none))
            .collect()
    }

    /// Matches every pending entry against `matcher`; `live` marks what a live read found.
    pub(crate) fn match_all(&mut self, matcher: &Matcher, live: bool) {
        let indexes: Vec<usize> = self.pending().into_iter().map(|(i, _)| i).collect();
        for i in indexes {
            let Some(entry) = self.list.entries.get(i) else {
                continue;
            };
            let found = matcher.find(&entry.text);
            if found != Found::Nothing {
                self.set(i, found, live);
            }
        }
    }

    /// Records what entry `i` found.
    pub(crate) fn set(&mut self, i: usize, found: Found, live: bool) {
        if let Some(slot) = self.found.get_mut(i) {
            *slot = Some((found, live));
        }
    }

    /// The answer, in list order: a target named twice is kept at its first entry.
    pub(crate) fn finish(self, live_note: Option<ListNote>) -> ListResolution {
        let mut out = ListResolution {
            duplicates: self.list.duplicates,
            skipped: self.list.skipped,
            blank: self.list.blank,
            live_note,
            ..ListResolution::default()
        };
        let mut first: HashMap<String, usize> = HashMap::new();
        for (entry, found) in self.list.entries.into_iter().zip(self.found) {
            match found {
                Some((Found::One(c, matched_by), live)) => {
                    if let Some(&same_as_line) = first.get(&c.target.id) {
                        out.duplicates.push(ListDuplicate {
                            entry,
                            same_as_line,
                        });
                        continue;
                    }
                    first.insert(c.target.id.clone(), entry.line);
                    out.resolved.push(ResolvedEntry {
                        entry,
                        target: c.target,
                        matched_by,
                        live,
                    });
                }
                Some((Found::Several(candidates), _)) => out.ambiguous.push(AmbiguousEntry {
                    entry,
                    candidates: candidates
                        .into_iter()
                        .map(|c| ListCandidate {
                            target: c.target,
                            name: c.name,
                            display_name: c.display_name,
                        })
                        .collect(),
                }),
                Some((Found::Nothing, _)) | None => out.unknown.push(entry),
            }
        }
        out.duplicates.sort_by_key(|d| d.entry.line);
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use lanyard_model::bulk::list::ListInput;

    fn candidate(id: &str, name: &str, display: Option<&str>) -> Candidate {
        Candidate {
            name: name.into(),
            display_name: display.map(str::to_owned),
            target: BulkTarget {
                id: id.into(),
                name: display.unwrap_or(name).into(),
                owner_type: None,
            },
        }
    }

    #[test]
    fn ids_exactly_names_whole_in_any_case_repeats_collapsed() {
        let matcher = Matcher::new(vec![
            candidate("org_1", "acme", Some("Acme Corporation")),
            candidate("org_2", "acme-2", Some("Twin")),
            candidate("org_3", "acme-3", Some("Twin")),
            candidate("org_4", "globex", Some("globex")),
        ]);
        let text = "org_1\nACME CORPORATION\ntwin\nacm\nGlobex\norg_1\nORG_4\n";
        let mut outcomes = Outcomes::new(ListInput::Lines { text: text.into() }.parse().unwrap());
        outcomes.match_all(&matcher, false);
        let r = outcomes.finish(None);
        let ids: Vec<_> = r.resolved.iter().map(|e| e.target.id.as_str()).collect();
        assert_eq!(ids, vec!["org_1", "org_4"]);
        assert_eq!(r.resolved[0].matched_by, MatchedBy::Id);
        assert_eq!(r.resolved[1].matched_by, MatchedBy::Name);
        // "ACME CORPORATION" is org_1 again (line 2), "org_1" repeats line 1's text.
        let dups: Vec<_> = r
            .duplicates
            .iter()
            .map(|d| (d.entry.line, d.same_as_line))
            .collect();
        assert_eq!(dups, vec![(2, 1), (6, 1)]);
        assert_eq!(r.ambiguous.len(), 1);
        assert_eq!(r.ambiguous[0].candidates.len(), 2);
        // Not a substring search; ids are exact.
        let unknown: Vec<_> = r.unknown.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(unknown, vec!["acm", "ORG_4"]);
    }
}
