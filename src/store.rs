//! Results of earlier runs, kept next to the index (`results.jsonl`), so that a nightly rerun
//! scores only what changed and a run holds only a small summary per CV in memory: the full
//! explanation and the rendered shortlist cells stay on disk until the CSV is written.
//!
//! One line per result, three JSON values separated by tab bytes (JSON text never holds a raw
//! tab): the [`Summary`] (what ranking needs), the score's shortlist cells (already rendered
//! to CSV, so that a rerun only copies them), and the full [`CvScore`]. Reruns append; a later
//! line for a key overrides an earlier one (see [`StoreWriter::update`] for when the store is
//! written anew instead).
//! The first line names the tool version, the line layout and the profile the results were
//! computed with; a store written by another version, in another layout or for another
//! profile is ignored (everything is scored again, from the index's texts).
//! A result is reused only for the same key, bytes and reference date.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use std::hash::BuildHasher;

use hashbrown::HashTable;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::content_hash::ContentHash;
use crate::error::FatalError;
use crate::lang::EuLanguage;
use crate::score::{CvScore, Eligibility};
use crate::status::Status;

/// The store file inside the index folder.
pub const FILE_NAME: &str = "results.jsonl";

/// What ranking a CV needs of its score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Headline {
    /// Weighted total, 0–100.
    pub score: f64,
    /// Overall eligibility.
    pub eligible: Eligibility,
}

impl From<&CvScore> for Headline {
    fn from(score: &CvScore) -> Self {
        Headline {
            score: score.score,
            eligible: score.eligible,
        }
    }
}

/// What a run keeps in memory of each CV's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The CV's key (candidate id or relative path).
    pub key: Box<str>,
    /// SHA-256 of the file the result is for.
    pub sha256: ContentHash,
    /// The date "present" meant.
    pub reference: NaiveDate,
    /// Extraction status.
    pub status: Status,
    /// Failure detail or extraction note.
    pub detail: Box<str>,
    /// The detected language (written as its ISO 639-1 code).
    pub language: Option<EuLanguage>,
    /// Score and eligibility, for `ok` CVs.
    pub headline: Option<Headline>,
}

/// The layout of a store's lines, raised whenever it changes (2: the shortlist cells are
/// stored as rendered CSV).
const FORMAT: u32 = 2;

/// The first line of a store.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Header {
    tool_version: String,
    format: u32,
    profile_sha256: String,
}

impl Header {
    fn current(profile_sha256: &str) -> Header {
        Header {
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            format: FORMAT,
            profile_sha256: profile_sha256.to_string(),
        }
    }
}

/// A summary and where its line lies in the store file.
#[derive(Debug)]
struct Entry {
    summary: Summary,
    offset: u64,
    length: u32,
    /// Where the cells and the score lie within the line.
    cells: Range<u32>,
    score: Range<u32>,
}

impl Entry {
    /// The entry of a stored `line` at `offset`, its summary parsed from the line; None when
    /// the line is not three tab-separated values.
    fn parse(offset: u64, line: &[u8]) -> Option<Entry> {
        let [summary, cells, score] = part_ranges(line)?;
        Some(Entry {
            summary: serde_json::from_slice(&line[to_usize(summary)]).ok()?,
            offset,
            length: u32::try_from(line.len()).ok()?,
            cells,
            score,
        })
    }
}

/// Every entry of a store, and where each key's is. The entries sit in a list, found through a
/// table of their positions hashed by key: the key is held once, and a hash table's empty slots
/// cost four bytes each rather than a whole entry, for each of tens of thousands of CVs.
#[derive(Debug, Default)]
struct Entries {
    list: Vec<Entry>,
    position: HashTable<u32>,
    /// Seeded per process, like every map of text a CV's author controls (see the README).
    hasher: foldhash::fast::RandomState,
}

impl Entries {
    /// Adds `entry`, in place of an earlier one with the same key.
    fn insert(&mut self, entry: Entry) {
        let Entries {
            list,
            position,
            hasher,
        } = self;
        let hash = hasher.hash_one(&*entry.summary.key);
        let same_key = |&at: &u32| list[at as usize].summary.key == entry.summary.key;
        match position.find(hash, same_key) {
            Some(&at) => list[at as usize] = entry,
            None => {
                let at = u32::try_from(list.len()).expect("fewer than 2³² results");
                position.insert_unique(hash, at, |&at| {
                    hasher.hash_one(&*list[at as usize].summary.key)
                });
                list.push(entry);
            }
        }
    }

    fn get(&self, key: &str) -> Option<&Entry> {
        let hash = self.hasher.hash_one(key);
        self.position
            .find(hash, |&at| &*self.list[at as usize].summary.key == key)
            .map(|&at| &self.list[at as usize])
    }

    fn len(&self) -> usize {
        self.list.len()
    }
}

/// Bytes of the store one task reads back (see [`ResultStore::from_file_in_parts`]).
const READ_PART_BYTES: u64 = 4 << 20;

/// The entries of the lines of `file` that start within `starts` (the last one may end after
/// it); None when one is damaged. A line without its newline is a killed run's unfinished
/// append, at the very end: it and nothing after it is read.
fn entries_in(
    file: &File,
    starts: Range<u64>,
    at_line_start: bool,
) -> std::io::Result<Option<Vec<Entry>>> {
    // A part that does not begin a line is read from the byte before it, which may be the
    // newline that ends the line under way: that line belongs to the part before.
    let from = if at_line_start {
        starts.start
    } else {
        starts.start - 1
    };
    let mut lines = BufReader::with_capacity(PART_BUFFER_BYTES, At::new(file, from));
    let mut offset = from;
    if !at_line_start {
        offset += lines.skip_until(b'\n')? as u64;
    }
    let mut entries = Vec::new();
    let mut line = Vec::new();
    while offset < starts.end {
        line.clear();
        let length = lines.read_until(b'\n', &mut line)?;
        if length == 0 || !line.ends_with(b"\n") {
            break;
        }
        let Some(entry) = Entry::parse(offset, &line) else {
            return Ok(None);
        };
        entries.push(entry);
        offset += length as u64;
    }
    Ok(Some(entries))
}

/// Buffer of each task reading a part of a store back.
const PART_BUFFER_BYTES: usize = 256 << 10;

/// Reads a shared file from a position of its own (`pread`), so that several threads can read
/// one file handle at once.
struct At<'a> {
    file: &'a File,
    position: u64,
}

impl<'a> At<'a> {
    fn new(file: &'a File, position: u64) -> Self {
        At { file, position }
    }
}

impl std::io::Read for At<'_> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let read = self.file.read_at(buffer, self.position)?;
        self.position += read as u64;
        Ok(read)
    }
}

/// An open store: summaries in memory, cells and scores read from the file on demand.
#[derive(Debug, Default)]
pub struct ResultStore {
    file: Option<File>,
    entries: Entries,
    /// Bytes of complete lines: where the next result is appended.
    length: u64,
}

impl ResultStore {
    /// The store at `path` if it was written for this profile and tool version; empty when
    /// absent, unreadable or stale (its results are then computed again, never trusted).
    pub fn open(path: &Path, profile_sha256: &str) -> ResultStore {
        Self::read(path, profile_sha256).unwrap_or_default()
    }

    fn read(path: &Path, profile_sha256: &str) -> Option<ResultStore> {
        let file = File::open(path).ok()?;
        Self::from_file(file, &Header::current(profile_sha256))
            .ok()
            .flatten()
    }

    /// The store `file` holds, read from its start: None when its header is not `expected`
    /// or one of its lines is damaged.
    fn from_file(file: File, expected: &Header) -> std::io::Result<Option<ResultStore>> {
        Self::from_file_in_parts(file, expected, READ_PART_BYTES)
    }

    /// [`Self::from_file`], the lines read `part_bytes` of the file at a time on every core:
    /// a store holds a few kilobytes per CV, and the end of every run reads it back.
    fn from_file_in_parts(
        file: File,
        expected: &Header,
        part_bytes: u64,
    ) -> std::io::Result<Option<ResultStore>> {
        let mut header = Vec::new();
        BufReader::new(At::new(&file, 0)).read_until(b'\n', &mut header)?;
        if serde_json::from_slice::<Header>(&header).ok().as_ref() != Some(expected) {
            return Ok(None);
        }
        let lines_start = header.len() as u64;
        let file_length = file.metadata()?.len();
        let part_starts: Vec<u64> = (lines_start..file_length)
            .step_by(usize::try_from(part_bytes.max(1)).unwrap_or(usize::MAX))
            .collect();
        let mut entries = Entries::default();
        let mut length = lines_start;
        // A part per core at a time: the entries read wait for their turn to be inserted in
        // file order (a later line for a key overrides an earlier one), and only so many wait.
        for batch in part_starts.chunks(rayon::current_num_threads()) {
            let parts = batch
                .par_iter()
                .map(|&start| {
                    let lines = start..start.saturating_add(part_bytes).min(file_length);
                    entries_in(&file, lines, start == lines_start)
                })
                .collect::<std::io::Result<Vec<Option<Vec<Entry>>>>>()?;
            for part in parts {
                let Some(part) = part else {
                    return Ok(None);
                };
                if let Some(last) = part.last() {
                    length = last.offset + u64::from(last.length);
                }
                for entry in part {
                    entries.insert(entry);
                }
            }
        }
        entries.list.shrink_to_fit();
        Ok(Some(ResultStore {
            file: Some(file),
            entries,
            length,
        }))
    }

    /// Bytes of the lines that hold the results of `keys`.
    fn bytes_of(&self, keys: &[&str]) -> u64 {
        keys.iter()
            .filter_map(|key| self.entries.get(key))
            .map(|entry| u64::from(entry.length))
            .sum()
    }

    /// The stored result for `key`, if it was computed for these bytes and this reference date.
    pub fn lookup(&self, key: &str, sha256: ContentHash, reference: NaiveDate) -> Option<&Summary> {
        self.summary(key)
            .filter(|summary| summary.sha256 == sha256 && summary.reference == reference)
    }

    /// The stored result for `key`, whatever it was computed for.
    pub fn summary(&self, key: &str) -> Option<&Summary> {
        self.entries.get(key).map(|entry| &entry.summary)
    }

    /// Number of stored results.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.entries.len() == 0
    }

    /// The shortlist cells of `key`'s score, as [`Encoded::new`] was given them (none when it
    /// has no score).
    pub fn cells<T: serde::de::DeserializeOwned>(&self, key: &str) -> std::io::Result<Option<T>> {
        self.parse(key, |entry| entry.cells.clone())
    }

    /// The full score of `key`, with every piece of evidence.
    pub fn score(&self, key: &str) -> std::io::Result<Option<CvScore>> {
        self.parse(key, |entry| entry.score.clone())
    }

    /// Parses the JSON value of `key`'s line that `part` locates (a missing key reads as empty
    /// or none); only that value is read from the file.
    fn parse<T: serde::de::DeserializeOwned + Default>(
        &self,
        key: &str,
        part: impl Fn(&Entry) -> Range<u32>,
    ) -> std::io::Result<T> {
        let Some(entry) = self.entries.get(key) else {
            return Ok(T::default());
        };
        let bytes = self.bytes(entry, to_usize(part(entry)))?;
        serde_json::from_slice(&bytes).map_err(std::io::Error::other)
    }

    /// The raw line of `key`, newline included.
    fn line(&self, key: &str) -> std::io::Result<Option<Vec<u8>>> {
        self.entries
            .get(key)
            .map(|entry| self.bytes(entry, 0..entry.length as usize))
            .transpose()
    }

    /// Bytes `within` the line of `entry`.
    fn bytes(&self, entry: &Entry, within: Range<usize>) -> std::io::Result<Vec<u8>> {
        let file = self
            .file
            .as_ref()
            .ok_or_else(|| damaged(&entry.summary.key))?;
        let mut bytes = vec![0; within.len()];
        file.read_exact_at(&mut bytes, entry.offset + within.start as u64)?;
        Ok(bytes)
    }
}

fn damaged(key: &str) -> std::io::Error {
    std::io::Error::other(format!("the stored result of {key:?} is damaged"))
}

/// Where the summary, cells and score lie in one line (newline excluded).
fn part_ranges(line: &[u8]) -> Option<[Range<u32>; 3]> {
    let end = line.strip_suffix(b"\n").unwrap_or(line).len();
    let mut tabs = memchr::memchr_iter(b'\t', &line[..end]);
    let (first, second) = (tabs.next()?, tabs.next()?);
    let at = |position: usize| u32::try_from(position).ok();
    Some([
        0..at(first)?,
        at(first + 1)?..at(second)?,
        at(second + 1)?..at(end)?,
    ])
}

fn to_usize(range: Range<u32>) -> Range<usize> {
    range.start as usize..range.end as usize
}

/// Writes a run's results: carried over from the old store and fresh ones, in any order. A
/// killed run leaves the old store whole: either it is replaced only in
/// [`StoreWriter::finish`], or results are appended after its lines (a torn last line is
/// ignored when the store is read, and a later line for a key overrides an earlier one).
///
/// The writer keeps nothing of the results in memory: [`StoreWriter::finish`] reads the
/// finished file back. Summaries held while CVs stream in would grow with the run, on top of
/// the index's buffers; read back afterwards, they take the memory the index writer has freed.
pub struct StoreWriter {
    backing: Backing,
    out: BufWriter<File>,
    /// The store's first line, against which it is read back.
    header: Header,
}

/// Where a new store is written.
enum Backing {
    /// A temporary file beside `target`, renamed over it when finished.
    Replacing {
        temporary: tempfile::NamedTempFile,
        target: PathBuf,
    },
    /// The old store at `target`, appended to; `file` reads it.
    Extending { file: File, target: PathBuf },
    /// An unnamed temporary file (for an in-memory index): gone with the run, even a killed one.
    Anonymous(File),
}

impl StoreWriter {
    /// A writer for a run that carries the results of `keep` over from `old` and will hold
    /// results for the keys of `current` only. Nightly, most results are carried over: the new
    /// ones are appended to `old`'s file, and nothing is copied. A new store replaces the old,
    /// with only the kept results copied (see [`Self::create`]), once stale lines of changed
    /// CVs would outweigh the kept ones, and at once when `old` holds a result for a key
    /// that is no longer current: a candidate whose file is gone is forgotten by the run.
    pub fn update(
        old: ResultStore,
        target: Option<&Path>,
        profile_sha256: &str,
        keep: &[&str],
        current: &HashSet<&str>,
    ) -> Result<StoreWriter, FatalError> {
        let mostly_kept = 2 * old.bytes_of(keep) >= old.length;
        let all_current = old
            .entries
            .list
            .iter()
            .all(|entry| current.contains(&*entry.summary.key));
        match (target, old.file) {
            (Some(target), Some(file)) if mostly_kept && all_current => {
                let fail = |error| FatalError::io(target, error);
                let out = OpenOptions::new().append(true).open(target).map_err(fail)?;
                // A killed run's torn last line goes: appends start on a line of their own.
                out.set_len(old.length).map_err(fail)?;
                Ok(StoreWriter {
                    backing: Backing::Extending {
                        file,
                        target: target.to_path_buf(),
                    },
                    out: BufWriter::new(out),
                    header: Header::current(profile_sha256),
                })
            }
            (_, file) => {
                let old = ResultStore { file, ..old };
                let mut writer = StoreWriter::create(target, profile_sha256)?;
                for key in keep {
                    writer.copy(&old, key)?;
                }
                Ok(writer)
            }
        }
    }

    /// A writer that will replace the store at `target`; with no target (an in-memory index),
    /// the results live in an unnamed temporary file for this run only.
    pub fn create(target: Option<&Path>, profile_sha256: &str) -> Result<StoreWriter, FatalError> {
        let folder = target
            .and_then(Path::parent)
            .map_or_else(std::env::temp_dir, Path::to_path_buf);
        let fail = |error| FatalError::io(&folder, error);
        let (backing, out) = match target {
            Some(target) => {
                let temporary =
                    crate::atomic::temporary_in(&folder, "results-", "").map_err(fail)?;
                let out = temporary.as_file().try_clone().map_err(fail)?;
                let target = target.to_path_buf();
                (Backing::Replacing { temporary, target }, out)
            }
            None => {
                let file = tempfile::tempfile().map_err(fail)?;
                let out = file.try_clone().map_err(fail)?;
                (Backing::Anonymous(file), out)
            }
        };
        let mut writer = StoreWriter {
            backing,
            out: BufWriter::new(out),
            header: Header::current(profile_sha256),
        };
        let mut header = serde_json::to_vec(&writer.header)
            .map_err(|error| FatalError::io(&folder, std::io::Error::other(error)))?;
        header.push(b'\n');
        writer.out.write_all(&header).map_err(fail)?;
        Ok(writer)
    }

    /// Carries `key`'s result over from `old` unchanged (its bytes are copied, not parsed).
    fn copy(&mut self, old: &ResultStore, key: &str) -> Result<(), FatalError> {
        match old.line(key) {
            Ok(Some(line)) => self.write_line(&line),
            Ok(None) => Ok(()),
            Err(error) => Err(self.fail(error)),
        }
    }

    /// Adds a freshly computed result.
    pub fn add(&mut self, result: Encoded) -> Result<(), FatalError> {
        self.write_line(&result.line)
    }

    fn write_line(&mut self, line: &[u8]) -> Result<(), FatalError> {
        self.out.write_all(line).map_err(|error| self.fail(error))
    }

    fn fail(&self, error: std::io::Error) -> FatalError {
        FatalError::io(self.place(), error)
    }

    /// Where the store is, for error messages.
    fn place(&self) -> PathBuf {
        match &self.backing {
            Backing::Replacing { target, .. } | Backing::Extending { target, .. } => target.clone(),
            Backing::Anonymous(_) => std::env::temp_dir(),
        }
    }

    /// Makes the new store durable and puts it in place of the old one (atomically, unless
    /// it was appended to), then reads it back.
    pub fn finish(mut self) -> Result<ResultStore, FatalError> {
        let place = self.place();
        let fail = |error| FatalError::io(&place, error);
        self.out.flush().map_err(fail)?;
        let file = match self.backing {
            Backing::Extending { file, .. } => {
                self.out.get_ref().sync_data().map_err(fail)?;
                file
            }
            Backing::Replacing { temporary, target } => {
                temporary.as_file().sync_all().map_err(fail)?;
                temporary
                    .persist(&target)
                    .map_err(|error| fail(error.error))?
            }
            Backing::Anonymous(file) => file,
        };
        ResultStore::from_file(file, &self.header)
            .map_err(fail)?
            .ok_or_else(|| {
                fail(std::io::Error::other(
                    "the store just written reads back damaged",
                ))
            })
    }
}

/// A result encoded as its store line, in the thread that computed it (so that many threads
/// share the writer only for the copy into its buffer).
pub struct Encoded {
    line: Vec<u8>,
}

impl Encoded {
    /// The line of a result: summary, shortlist cells and full score, tab-separated.
    pub fn new(
        summary: &Summary,
        cells: Option<&impl Serialize>,
        score: Option<&CvScore>,
    ) -> Encoded {
        // Plain structs, strings, numbers and string-keyed maps: serialising cannot fail.
        const INFALLIBLE: &str = "a result serialises to JSON";
        let mut line = serde_json::to_vec(summary).expect(INFALLIBLE);
        line.push(b'\t');
        serde_json::to_writer(&mut line, &cells).expect(INFALLIBLE);
        line.push(b'\t');
        serde_json::to_writer(&mut line, &score).expect(INFALLIBLE);
        line.push(b'\n');
        Encoded { line }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(key: &str, sha256: u8) -> Summary {
        Summary {
            key: key.into(),
            sha256: ContentHash::new([sha256; 32]),
            reference: NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date"),
            status: Status::Ok,
            detail: "tab\there".into(),
            language: Some(EuLanguage::Fr),
            headline: Some(Headline {
                score: 42.5,
                eligible: Eligibility::Unknown,
            }),
        }
    }

    #[test]
    fn results_survive_a_rewrite_and_stale_stores_are_ignored() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(FILE_NAME);
        let cells = vec!["42.5".to_string(), "=1\t\"x\"\n".to_string()];
        let mut writer = StoreWriter::create(Some(&path), "p1").expect("writer");
        writer
            .add(Encoded::new(&summary("a", 1), Some(&cells), None))
            .expect("add a");
        writer
            .add(Encoded::new(&summary("b\nc", 2), None::<&()>, None))
            .expect("add b");
        let first = writer.finish().expect("finish");
        assert_eq!(first.cells("a").expect("cells"), Some(cells.clone()));

        let reopened = ResultStore::open(&path, "p1");
        assert_eq!(reopened.len(), 2);
        assert_eq!(reopened.summary("b\nc"), Some(&summary("b\nc", 2)));
        let reference = summary("a", 1).reference;
        assert!(reopened
            .lookup("a", ContentHash::new([1; 32]), reference)
            .is_some());
        assert!(reopened
            .lookup("a", ContentHash::new([9; 32]), reference)
            .is_none());
        assert_eq!(reopened.score("a").expect("score"), None);

        let mut writer = StoreWriter::create(Some(&path), "p1").expect("writer");
        writer.copy(&reopened, "a").expect("copy");
        writer.finish().expect("finish");
        let rewritten = ResultStore::open(&path, "p1");
        assert_eq!(rewritten.len(), 1);
        assert_eq!(rewritten.cells("a").expect("cells"), Some(cells));
        assert!(ResultStore::open(&path, "another profile").is_empty());
    }

    #[test]
    fn results_are_appended_while_most_are_kept_and_a_torn_line_is_dropped() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(FILE_NAME);
        let cells = |text: &str| vec![text.to_string()];
        let add = |writer: &mut StoreWriter, key: &str, hash: u8| {
            let encoded = Encoded::new(&summary(key, hash), Some(&cells(key)), None);
            writer.add(encoded).expect("add");
        };
        let mut writer = StoreWriter::create(Some(&path), "p").expect("writer");
        add(&mut writer, "a", 1);
        add(&mut writer, "b", 2);
        add(&mut writer, "c", 3);
        writer.finish().expect("finish");
        let first_length = std::fs::metadata(&path).expect("store").len();

        // A killed run's half-written line.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .and_then(|mut file| file.write_all(b"{\"key\":\"torn"))
            .expect("tear");
        let old = ResultStore::open(&path, "p");
        assert_eq!(old.len(), 3, "the torn line is ignored, the others stand");
        let current = HashSet::from(["a", "b", "c"]);
        let mut writer =
            StoreWriter::update(old, Some(&path), "p", &["a", "b"], &current).expect("update");
        add(&mut writer, "c", 4);
        let updated = writer.finish().expect("finish");
        assert_eq!(
            updated.summary("c").map(|s| s.sha256),
            Some(ContentHash::new([4; 32]))
        );
        let reopened = ResultStore::open(&path, "p");
        assert!(
            std::fs::read(&path).expect("store").len() as u64 > first_length,
            "appended, not rewritten"
        );
        for key in ["a", "b", "c"] {
            assert_eq!(reopened.cells(key).expect("cells"), Some(cells(key)));
        }
        assert_eq!(
            reopened.summary("c").map(|s| s.sha256),
            Some(ContentHash::new([4; 32]))
        );

        // Keeping less than half of the store writes a new one without the stale lines.
        let current = HashSet::from(["a", "b", "c", "d"]);
        let mut writer =
            StoreWriter::update(reopened, Some(&path), "p", &["a"], &current).expect("update");
        add(&mut writer, "b", 2);
        add(&mut writer, "c", 4);
        add(&mut writer, "d", 5);
        writer.finish().expect("finish");
        let rewritten = ResultStore::open(&path, "p");
        assert_eq!(rewritten.len(), 4);
        let lines = std::fs::read_to_string(&path)
            .expect("store")
            .lines()
            .count();
        assert_eq!(lines, 5, "the header and one line per result");

        // A result for a key no longer current is dropped at once, however much is kept.
        let current = HashSet::from(["a", "c", "d"]);
        let writer = StoreWriter::update(rewritten, Some(&path), "p", &["a", "c", "d"], &current)
            .expect("update");
        writer.finish().expect("finish");
        let forgotten = ResultStore::open(&path, "p");
        assert_eq!(forgotten.len(), 3);
        assert!(forgotten.summary("b").is_none());
        assert_eq!(forgotten.cells("d").expect("cells"), Some(cells("d")));
    }

    #[test]
    fn a_store_read_in_parts_is_the_store_read_whole() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(FILE_NAME);
        let mut writer = StoreWriter::create(Some(&path), "p").expect("writer");
        for (key, hash) in [
            ("a", 1),
            ("b", 2),
            ("a", 3),
            ("c\nd", 4),
            ("e", 5),
            ("b", 6),
        ] {
            let cells = vec![format!("cells of {key} {hash}")];
            let encoded = Encoded::new(&summary(key, hash), Some(&cells), None);
            writer.add(encoded).expect("add");
        }
        writer.finish().expect("finish");
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .and_then(|mut file| file.write_all(b"{\"key\":\"torn"))
            .expect("tear");
        let read = |part_bytes| {
            let file = File::open(&path).expect("store");
            ResultStore::from_file_in_parts(file, &Header::current("p"), part_bytes)
                .expect("readable")
                .expect("a valid store")
        };
        let whole = read(u64::MAX);
        let torn_at = std::fs::metadata(&path).expect("store").len() - 12;
        assert_eq!(
            whole.length, torn_at,
            "appends go where the torn line starts"
        );
        assert_eq!(whole.len(), 4);
        assert_eq!(
            whole.summary("a").map(|s| s.sha256),
            Some(ContentHash::new([3; 32]))
        );
        for part_bytes in [1, 2, 3, 17, 100, 250, 1000] {
            let parts = read(part_bytes);
            assert_eq!(parts.length, whole.length, "{part_bytes}-byte parts");
            assert_eq!(parts.len(), whole.len(), "{part_bytes}-byte parts");
            for key in ["a", "b", "c\nd", "e"] {
                assert_eq!(
                    parts.summary(key),
                    whole.summary(key),
                    "{key}, {part_bytes}"
                );
                let cells: Option<Vec<String>> = parts.cells(key).expect("cells");
                assert_eq!(
                    cells,
                    whole.cells(key).expect("cells"),
                    "{key}, {part_bytes}"
                );
            }
        }
    }

    #[test]
    fn a_store_in_an_older_layout_is_ignored() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(FILE_NAME);
        let mut writer = StoreWriter::create(Some(&path), "p").expect("writer");
        writer
            .add(Encoded::new(&summary("a", 1), Some(&["1"]), None))
            .expect("add");
        writer.finish().expect("finish");
        assert_eq!(ResultStore::open(&path, "p").len(), 1);
        // The same store as the first layout wrote it: a header without `format`.
        let text = std::fs::read_to_string(&path).expect("store");
        let (_, lines) = text.split_once('\n').expect("a header line");
        let old_header = serde_json::json!({
            "tool_version": env!("CARGO_PKG_VERSION"),
            "profile_sha256": "p",
        });
        std::fs::write(&path, format!("{old_header}\n{lines}")).expect("rewrite");
        assert!(ResultStore::open(&path, "p").is_empty());
    }

    #[test]
    fn a_damaged_store_is_ignored() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join(FILE_NAME);
        let header = serde_json::to_string(&Header::current("p")).expect("json");
        std::fs::write(&path, format!("{header}\n{{\"key\": damaged\n")).expect("write");
        assert!(ResultStore::open(&path, "p").is_empty());
    }
}
