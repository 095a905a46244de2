//! The streaming part of a run: worker processes extract PDFs while consumer threads detect the
//! language of, score and index each CV as it arrives, and store its result.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};

use super::busy::BusyTime;
use crate::analysis::sections;
use crate::content_hash::ContentHash;
use crate::error::FatalError;
use crate::extract::pool::{self, Extracted, Job, PoolSettings};
use crate::index::{CvIndex, CvWriter, StoredCv};
use crate::ingest::{Inputs, Prepared};
use crate::lang;
use crate::report::csv_export;
use crate::score::{CvScore, Scorer};
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
    /// Splits `cv`'s text into lines, detects its language (when `detect_language`) and scores
    /// it, when its extraction succeeded. The text comes from a file nobody vetted: a panic on
    /// the way is caught and marks `cv` crashed, its text dropped so that no later stage (the
    /// index's own analysis) reads it again, and the run goes on with the next CV.
    pub(super) fn analyse(&self, cv: &mut StoredCv, detect_language: bool) -> Option<CvScore> {
        let pages = std::mem::take(&mut cv.pages);
        let texts: Vec<&str> = pages.iter().map(String::as_str).collect();
        let outcome = contained(|| {
            let lines = sections::split(&texts);
            if cv.status != Status::Ok {
                return None;
            }
            if detect_language {
                cv.language = self.busy.time("language", || lang::detect_in(&lines));
            }
            let reference = (self.present_for)(&cv.key);
            Some(
                self.busy
                    .time("score", || self.scorer.score_lines(cv, &lines, reference)),
            )
        });
        drop(texts);
        match outcome {
            Ok(score) => {
                cv.pages = pages;
                score
            }
            Err(panic) => {
                cv.status = Status::Crashed;
                cv.detail = format!("text analysis panicked: {panic}");
                cv.language = None;
                None
            }
        }
    }

    /// Stores `cv`'s result: its summary, shortlist cells and full `score`.
    pub(super) fn store(&self, cv: &StoredCv, score: Option<&CvScore>) -> Result<(), FatalError> {
        let summary = Summary {
            key: cv.key.as_str().into(),
            sha256: cv.sha256,
            reference: (self.present_for)(&cv.key),
            status: cv.status,
            detail: cv.detail.as_str().into(),
            language: cv.language,
            headline: score.map(Headline::from),
        };
        let encoded = self.busy.time("encode", || {
            let cells = score.map(csv_export::score_cells);
            Encoded::new(&summary, cells.as_ref(), score)
        });
        self.busy.time("store", || {
            self.writer
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .add(encoded)
        })
    }
}

/// Runs `work`; a panic becomes `Err` with its message (the panic hook has printed where).
fn contained<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|message| message.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string())
    })
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
        // Language detection, scoring and upserts run on as many threads as there are workers:
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
                        let score = sink.analyse(&mut cv, true);
                        sink.busy.time("index", || {
                            if known.contains_key(&cv.key) {
                                read(writer).upsert(&cv)
                            } else {
                                read(writer).add(&cv)
                            }
                        })?;
                        sink.store(&cv, score.as_ref())?;
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

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::*;
    use crate::profile::Profile;

    #[test]
    fn a_panic_in_the_analysis_of_a_cv_is_contained_to_that_cv() {
        let profile = Profile::load_default().expect("the shipped profile");
        let scorer = Scorer::new(&profile);
        let busy = BusyTime::default();
        let deadline = profile.job.deadline;
        // Stands in for a bug that a hostile text sets off: the first question about "boom"
        // panics in the middle of its analysis.
        let panicked = AtomicBool::new(false);
        let present_for = |key: &str| {
            if key == "boom" && !panicked.swap(true, Ordering::SeqCst) {
                panic!("hostile text");
            }
            deadline
        };
        let writer = StoreWriter::create(None, &profile.sha256).expect("a store");
        let sink = ResultSink {
            writer: Mutex::new(writer),
            scorer: &scorer,
            present_for: &present_for,
            busy: &busy,
        };
        let cv = |key: &str| {
            let text = "IT security officer since 2019: Azure and AWS cloud security, \
                        ISO 27001 audits, Windows and Linux hardening.";
            StoredCv::with_text(key, text)
        };

        let mut boom = cv("boom");
        assert!(sink.analyse(&mut boom, true).is_none());
        assert_eq!(boom.status, Status::Crashed);
        assert!(boom.detail.contains("hostile text"), "{}", boom.detail);
        assert!(boom.pages.is_empty(), "nothing reads the text again");
        let mut fine = cv("fine");
        let score = sink.analyse(&mut fine, true);
        assert!(score.is_some(), "the next CV is scored as usual");
        assert_eq!((fine.status, fine.pages.len()), (Status::Ok, 1));
        assert_eq!(fine.language, Some(crate::lang::EuLanguage::En));

        sink.store(&boom, None).expect("stored");
        sink.store(&fine, score.as_ref()).expect("stored");
        let results = sink
            .writer
            .into_inner()
            .expect("writer")
            .finish()
            .expect("store");
        let boom = results.summary("boom").expect("a row for the crashed CV");
        assert_eq!((boom.status, boom.headline), (Status::Crashed, None));
        let fine = results.summary("fine").expect("a row for the scored CV");
        assert!(fine.headline.is_some());
    }
}
