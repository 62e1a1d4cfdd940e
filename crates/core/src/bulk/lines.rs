//! The journal's format since version 3 (version 4 has the same lines, with typed titles and
//! notes): append-only JSON lines.
//!
//! Line 0 is the header: the format's version, the number of items and the run itself (its
//! plan, state and note; its items are not in it). Lines 1 to N hold item 0 to N-1 as written
//! whole, and line N+1 the run again. Each later line is appended and fsynced as the run goes:
//! either an item (`i`, `item`) or the run (`run`) as it now stands. Every line carries its
//! sequence number `n` (the header is 0, each line the one before + 1); the header, the last
//! line of a whole write and every appended line carry the run's `state` and `counts` after
//! it, so that the list of runs reads only the header and the last line. Replaying the file keeps the last line
//! of each item and of the run. A last line cut short by a kill is left out: the item keeps its
//! earlier state (an item journaled as being sent is then read back when the run resumes).

use std::io::{BufRead, Read, Seek, SeekFrom};

use lanyard_model::bulk::{
    Counts, Damage, JournalProblem, MAX_TARGETS, RunState, RunSummary, RunTitle,
};
use serde::{Deserialize, Serialize};

use super::record::{Item, RunRecord, VERSION};

/// The longest line a journal of this format may hold: an item with its warnings, or the run
/// with the audit entries it could not write yet, is far shorter.
pub(super) const MAX_LINE: usize = 1 << 20;
/// The largest journal of versions 1 and 2 (one JSON document of the whole run) that is read.
pub(super) const MAX_WHOLE: usize = 64 << 20;

#[derive(Serialize)]
struct LineOut<'a> {
    n: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    items: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<RunState>,
    #[serde(skip_serializing_if = "Option::is_none")]
    counts: Option<Counts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    run: Option<&'a RunRecord>,
    #[serde(skip_serializing_if = "Option::is_none")]
    i: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<&'a Item>,
}

#[derive(Deserialize)]
struct LineIn {
    n: u64,
    #[serde(default)]
    items: Option<usize>,
    #[serde(default)]
    run: Option<RunRecord>,
    #[serde(default)]
    i: Option<usize>,
    #[serde(default)]
    item: Option<Item>,
}

/// What the list of runs reads of a line: where the run stood after it.
#[derive(Deserialize)]
struct Tail {
    n: u64,
    state: RunState,
    counts: Counts,
}

/// What the list of runs reads of the header.
#[derive(Deserialize)]
struct Header {
    n: u64,
    items: usize,
    run: Named,
}

#[derive(Deserialize)]
struct Named {
    id: String,
    profile_name: String,
    summary: RunTitle,
    created: String,
}

impl<'a> LineOut<'a> {
    fn of_item(n: u64, record: &RunRecord, counts: Counts, i: usize, item: &'a Item) -> Self {
        LineOut {
            n,
            version: None,
            items: None,
            state: Some(record.state),
            counts: Some(counts),
            run: None,
            i: Some(i),
            item: Some(item),
        }
    }

    fn of_run(n: u64, record: &'a RunRecord, counts: Counts) -> Self {
        LineOut {
            n,
            version: None,
            items: None,
            state: Some(record.state),
            counts: Some(counts),
            run: Some(record),
            i: None,
            item: None,
        }
    }

    fn write(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        serde_json::to_writer(&mut *out, self)?;
        out.push(b'\n');
        Ok(())
    }
}

/// The whole journal of `record`: the header, each item, and the run again (the last line says
/// where it stands); the next line appended is numbered `items + 2`.
pub(super) fn whole(record: &RunRecord) -> Result<Vec<u8>, serde_json::Error> {
    let counts = record.counts();
    let mut out = Vec::with_capacity(256 * (record.items.len() + 1));
    LineOut {
        version: Some(VERSION),
        items: Some(record.items.len()),
        ..LineOut::of_run(0, record, counts)
    }
    .write(&mut out)?;
    for (i, item) in record.items.iter().enumerate() {
        // Where the run stands is said once, by the last line.
        LineOut {
            state: None,
            counts: None,
            ..LineOut::of_item(i as u64 + 1, record, counts, i, item)
        }
        .write(&mut out)?;
    }
    LineOut::of_run(record.items.len() as u64 + 1, record, counts).write(&mut out)?;
    Ok(out)
}

/// The lines that record `items` of `record` and then, when `run`, the run itself, numbered
/// from `n`.
pub(super) fn appended(
    record: &RunRecord,
    n: u64,
    run: bool,
    items: &[usize],
) -> Result<Vec<u8>, serde_json::Error> {
    let counts = record.counts();
    let mut out = Vec::new();
    let mut n = n;
    for &i in items {
        let Some(item) = record.items.get(i) else {
            continue;
        };
        LineOut::of_item(n, record, counts, i, item).write(&mut out)?;
        n += 1;
    }
    if run {
        LineOut::of_run(n, record, counts).write(&mut out)?;
    }
    Ok(out)
}

/// How many lines `appended` writes for these arguments.
pub(super) fn count(record: &RunRecord, run: bool, items: &[usize]) -> u64 {
    let items = items.iter().filter(|&&i| i < record.items.len()).count();
    items as u64 + u64::from(run)
}

/// One line of at most `max` bytes into `buf` (its newline kept); `Ok(false)` at the end.
pub(super) fn read_line(
    reader: &mut impl BufRead,
    max: usize,
    buf: &mut Vec<u8>,
) -> Result<bool, JournalProblem> {
    buf.clear();
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    reader
        .take(limit)
        .read_until(b'\n', buf)
        .map_err(|err| JournalProblem::CannotRead {
            detail: err.to_string(),
        })?;
    if buf.len() > max {
        return Err(JournalProblem::LineTooLong {
            limit_kb: (max / 1024) as u64,
        });
    }
    Ok(!buf.is_empty())
}

fn damaged(damage: Damage) -> JournalProblem {
    JournalProblem::Damaged { damage }
}

/// What the parser said of line `line` (of the whole file when `None`), cut to a length a
/// message can show (it may quote the file).
pub(super) fn unparsed(line: Option<u64>, err: &serde_json::Error) -> JournalProblem {
    damaged(Damage::Unparsed {
        line,
        said: cut(err.to_string()),
    })
}

/// The most of a parser's message kept (it may quote the file).
const SAID_MAX: usize = 300;

/// `text`, cut on a character boundary to at most [`SAID_MAX`] bytes and an ellipsis.
pub(super) fn cut(mut text: String) -> String {
    if text.len() > SAID_MAX {
        let mut end = SAID_MAX;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push('…');
    }
    text
}

/// The run of a journal of this format whose header is `first`, replayed from `reader` (the
/// lines after the header); and the number the next appended line would take.
pub(super) fn replay(
    first: &[u8],
    reader: &mut impl BufRead,
) -> Result<(RunRecord, u64), JournalProblem> {
    let header: LineIn = serde_json::from_slice(first).map_err(|err| unparsed(Some(1), &err))?;
    let (Some(len), Some(mut run), 0) = (header.items, header.run, header.n) else {
        return Err(damaged(Damage::NotAHeader));
    };
    if len == 0 || len > MAX_TARGETS {
        return Err(damaged(Damage::ItemCount {
            items: len,
            max: MAX_TARGETS,
        }));
    }
    let mut items: Vec<Option<Item>> = vec![None; len];
    let mut last = 0;
    let mut buf = Vec::new();
    while read_line(reader, MAX_LINE, &mut buf)? {
        let at = last + 2;
        let line: LineIn = match serde_json::from_slice(&buf) {
            Ok(line) => line,
            // A last line cut short by a kill: what it would have said is not known.
            Err(_) if buf.last() != Some(&b'\n') => break,
            Err(err) => return Err(unparsed(Some(at), &err)),
        };
        if line.n != last + 1 {
            return Err(damaged(Damage::OutOfOrder {
                line: at,
                numbered: line.n,
                after: last,
            }));
        }
        last = line.n;
        match (line.run, line.i, line.item) {
            (Some(next), None, None) => run = next,
            (None, Some(i), Some(item)) if i < len => items[i] = Some(item),
            _ => return Err(damaged(Damage::NeitherItemNorRun { line: at })),
        }
    }
    run.items = Vec::with_capacity(len);
    for (i, item) in items.into_iter().enumerate() {
        run.items
            .push(item.ok_or(damaged(Damage::ItemWithoutLine { item: i + 1 }))?);
    }
    run.version = VERSION;
    Ok((run, last + 1))
}

/// The run's summary from the header `first` of a journal of this format and from its last
/// line, without reading the lines between.
pub(super) fn summary(
    first: &[u8],
    file: &mut (impl Read + Seek),
    len: u64,
) -> Result<RunSummary, JournalProblem> {
    let header: Header = serde_json::from_slice(first).map_err(|err| unparsed(Some(1), &err))?;
    if header.n != 0 || header.items == 0 || header.items > MAX_TARGETS {
        return Err(damaged(Damage::NotAHeader));
    }
    let tail = last_line(file, len)?;
    // Lines 1 to N are the items as written whole: a file that ends before them is cut short.
    if tail.n < header.items as u64 {
        return Err(damaged(Damage::EndsEarly {
            at: tail.n + 1,
            of: header.items as u64 + 1,
        }));
    }
    Ok(RunSummary {
        id: header.run.id,
        profile_name: header.run.profile_name,
        summary: header.run.summary,
        created: header.run.created,
        state: tail.state,
        counts: tail.counts,
    })
}

/// The last line of the file that reads (a last line cut short is passed over), reading from
/// the end a little more each time.
fn last_line(file: &mut (impl Read + Seek), len: u64) -> Result<Tail, JournalProblem> {
    let mut size: u64 = 16 * 1024;
    loop {
        let take = size.min(len);
        let mut buf = vec![0; usize::try_from(take).unwrap_or(usize::MAX)];
        file.seek(SeekFrom::Start(len - take))
            .and_then(|_| file.read_exact(&mut buf))
            .map_err(|err| JournalProblem::CannotRead {
                detail: err.to_string(),
            })?;
        let whole = take == len;
        // Complete lines end with a newline; what follows the last one was cut short, unless
        // it reads.
        let end = buf.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        if end < buf.len()
            && (end > 0 || whole)
            && let Ok(tail) = serde_json::from_slice::<Tail>(&buf[end..])
        {
            return Ok(tail);
        }
        if end > 0 {
            let body = &buf[..end - 1];
            let start = body.iter().rposition(|&b| b == b'\n').map(|p| p + 1);
            if let Some(start) = start.or(whole.then_some(0)) {
                return serde_json::from_slice::<Tail>(&body[start..]).map_err(|err| {
                    damaged(Damage::LastLine {
                        said: cut(err.to_string()),
                    })
                });
            }
        }
        if whole || take > 2 * MAX_LINE as u64 {
            return Err(damaged(Damage::NoState));
        }
        size *= 4;
    }
}
