//! The streaming part of a run: worker processes extract PDFs while consumer threads detect the
//! language of, index and score each CV as it arrives, and store its result.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};

use super::busy::BusyTime;
use crate::analysis::sections::{self, Line};
use crate::content_hash::ContentHash;
use crate::error::FatalError;
use crate::extract::pool::{self, Extracted, Job, PoolSettings};
use crate::index::{CvIndex, CvWriter, StoredCv};
use crate::ingest::{Inputs, Prepared};
use crate::lang;
use crate::report::csv_export;
use crate::score::Scorer;
use crate::status::Status;
use crate::store::{Encoded, Headline, StoreWriter, Summary};

/// Commit the index at least this often, so that a killed run loses little work.
const COMMIT_EVERY: Duration = Duration::from_secs(30);
/// Commit the index after this many CVs per indexing thread, so that tantivy's in-memory
/// segments (and the memory that writing them out takes) stay the same size however many CVs a
/// run indexes. (Its own limit is per thread and in bytes, 32 MB each: a run of a thousand CVs
/// never reaches it, one of twenty thousand does.) A commit stops every consumer while tantivy
/// flushes, and leaves a segment per thread: per thread, so that many cores do not commit
/// several times a second nor leave many tiny segments.
const COMMIT_AFTER_CVS_PER_THREAD: usize = 1_000;
/// Consumer threads per tantivy indexing thread. Indexing (tantivy's tokenising, stemming and
/// postings) takes about a sixth of a run's CPU time, a third of what a consumer spends, so one
/// indexing thread keeps up with two consumers. Each indexing thread holds its own buffers (a
/// 4 MiB term table filled at creation, arena pages) and builds its own segment at a commit,
/// all at the same moment: on 2 cores, one indexing thread instead of two took 7–10 MiB off the
/// peak memory of runs of 359 to 20,000 CVs, at the same CPU time.
const CONSUMERS_PER_INDEXING_THREAD: usize = 2;

/// Scores CVs and writes their results to the new store, from any thread.
pub(super) struct ResultSink<'a> {
    pub(super) writer: Mutex<StoreWriter>,
    pub(super) scorer: &'a Scorer<'a>,
    pub(super) present_for: &'a (dyn Fn(&str) -> NaiveDate + Sync),
    pub(super) busy: &'a BusyTime,
}

impl ResultSink<'_> {
    /// Scores `cv` (when its extraction succeeded) from its `lines` and stores the result.
    pub(super) fn add(&self, cv: &StoredCv, lines: &[Line]) -> Result<(), FatalError> {
        let reference = (self.present_for)(&cv.key);
        let score = self.busy.time("score", || {
            (cv.status == Status::Ok).then(|| self.scorer.score_lines(cv, lines, reference))
        });
        let summary = Summary {
            key: cv.key.as_str().into(),
            sha256: cv.sha256,
            reference,
            status: cv.status,
            detail: cv.detail.as_str().into(),
            language: cv.language,
            headline: score.as_ref().map(Headline::from),
        };
        let encoded = self.busy.time("encode", || {
            let cells = score.as_ref().map(csv_export::score_cells);
            Encoded::new(&summary, cells.as_ref(), score.as_ref())
        });
        self.busy.time("store", || {
            self.writer
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .add(encoded)
        })
    }
}

/// What a run changes in the index.
pub(super) struct IndexUpdate<'a> {
    /// Positions of the inputs to extract (new or changed).
    pub(super) extract: &'a [usize],
    /// Key → hash of what the index held before the run (a known key is replaced, a new one
    /// only added).
    pub(super) known: &'a HashMap<String, ContentHash>,
    /// Keys whose files are gone.
    pub(super) vanished: &'a [&'a String],
}

/// Extracts the update's files on the worker pool; indexes and scores each result as it
/// arrives; removes the vanished keys; commits at safe points.
pub(super) fn extract_into_index(
    index: &CvIndex,
    settings: &PoolSettings,
    inputs: &Inputs,
    prepared: &[Prepared],
    update: IndexUpdate,
    sink: &ResultSink,
) -> Result<(), FatalError> {
    let IndexUpdate {
        extract,
        known,
        vanished,
    } = update;
    let progress = progress_bar(extract.len());
    // Made as the pool takes them, so that no list of paths is copied for a whole run.
    let jobs = extract.iter().map(|&id| Job {
        id,
        path: inputs.get(id).path(),
    });
    let mut writer = index.writer(settings.workers.div_ceil(CONSUMERS_PER_INDEXING_THREAD))?;
    for key in vanished {
        writer.forget(key)?;
    }
    let writer = RwLock::new(writer);
    let commits =
        CommitSchedule::new(COMMIT_AFTER_CVS_PER_THREAD * read(&writer).indexing_threads());
    let (sender, receiver) = crossbeam_channel::bounded(64);
    std::thread::scope(|scope| {
        scope.spawn(move || pool::extract_all(settings, jobs, &sender));
        // Language detection, upserts and scoring run on as many threads as there are workers:
        // a single consumer would cap the pipeline at its speed, whatever the core count.
        let consumers: Vec<_> = (0..settings.workers.max(1))
            .map(|_| {
                let receiver = receiver.clone();
                let (writer, commits, progress) = (&writer, &commits, &progress);
                scope.spawn(move || -> Result<(), FatalError> {
                    for Extracted {
                        id,
                        extraction,
                        busy,
                    } in receiver
                    {
                        sink.busy.add("extract", busy);
                        let Prepared::Ready { sha256 } = prepared[id] else {
                            continue;
                        };
                        let input = inputs.get(id);
                        let mut cv = StoredCv::new(
                            input.key().to_string(),
                            input.display().to_string(),
                            sha256,
                            extraction,
                            None,
                        );
                        // One split into lines serves language detection and scoring. (The
                        // field itself is borrowed, so that the language can be set meanwhile.)
                        let pages: Vec<&str> = cv.pages.iter().map(String::as_str).collect();
                        let lines = sections::split(&pages);
                        if cv.status == Status::Ok {
                            cv.language = sink.busy.time("language", || lang::detect_in(&lines));
                        }
                        sink.busy.time("index", || {
                            if known.contains_key(&cv.key) {
                                read(writer).upsert(&cv)
                            } else {
                                read(writer).add(&cv)
                            }
                        })?;
                        sink.add(&cv, &lines)?;
                        progress.inc(1);
                        if commits.due_after_one_more() {
                            writer
                                .write()
                                .unwrap_or_else(|poisoned| poisoned.into_inner())
                                .commit()?;
                        }
                    }
                    Ok(())
                })
            })
            .collect();
        drop(receiver);
        let mut outcome = Ok(());
        for consumer in consumers {
            let result = consumer.join().unwrap_or_else(|_| {
                Err(FatalError::Index {
                    path: index.folder().map_or_else(|| "<memory>".into(), Into::into),
                    reason: "an indexing thread panicked".into(),
                })
            });
            outcome = outcome.and(result);
        }
        outcome
    })?;
    writer
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .finish()?;
    progress.finish_and_clear();
    Ok(())
}

/// Shared read access to the writer (upserts); commits take the write side.
fn read<'a>(writer: &'a RwLock<CvWriter<'_>>) -> std::sync::RwLockReadGuard<'a, CvWriter<'a>> {
    writer
        .read()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Says when the index is due a commit: after a number of CVs or [`COMMIT_EVERY`], whichever
/// comes first.
struct CommitSchedule {
    /// CVs between two commits.
    cvs_between: usize,
    /// When the last commit was, and how many CVs were indexed since.
    last: Mutex<(Instant, usize)>,
}

impl CommitSchedule {
    fn new(cvs_between: usize) -> Self {
        CommitSchedule {
            cvs_between,
            last: Mutex::new((Instant::now(), 0)),
        }
    }

    /// Counts one more indexed CV; true when a commit is due (the count starts again).
    fn due_after_one_more(&self) -> bool {
        let mut last = self
            .last
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let (since, cvs) = &mut *last;
        *cvs += 1;
        if *cvs >= self.cvs_between || since.elapsed() >= COMMIT_EVERY {
            *last = (Instant::now(), 0);
            true
        } else {
            false
        }
    }
}

fn progress_bar(total: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} extracting {pos}/{len} PDFs [{bar:30}] {per_sec} ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    bar
}
