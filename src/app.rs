//! Orchestration of `cvmatch run`: the stages in order, the worker pool, the streaming hand-off
//! from extraction to the consumers that detect the language of, index and score each CV, the
//! result store, progress on stderr, and the timing of each stage.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::IsTerminal;
use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::analysis::sections::{self, Line};
use crate::config::{RunConfig, ScoringConfig};
use crate::error::FatalError;
use crate::extract::pool::{self, Extracted, Job, PoolSettings};
use crate::index::{CvIndex, CvWriter, StoredCv};
use crate::ingest::{self, HashCache, Inputs, Prepared};
use crate::lang::EuLanguage;
use crate::report::manifest::RunManifest;
use crate::report::{csv_export, Row};
use crate::score::Scorer;
use crate::status::Status;
use crate::store::{self, Encoded, Headline, ResultStore, StoreWriter, Summary};
use crate::{atomic, lang, rank};

/// CVs fetched from the index and rescored together (after a profile change).
const SCORE_BATCH: usize = 512;
/// Commit the index this often, so that a killed run loses little work. (Not by document count:
/// a commit stops every consumer while tantivy flushes and syncs, and on many cores a commit
/// every few thousand CVs came several times a second. Between commits tantivy's heap per
/// indexing thread bounds memory: a full buffer is flushed as a segment.)
const COMMIT_EVERY: Duration = Duration::from_secs(30);

/// What a finished run reports on stderr.
#[derive(Debug, Clone)]
pub struct RunSummary {
    /// Input files (= CSV rows).
    pub files: usize,
    /// Rows per status.
    pub statuses: BTreeMap<String, usize>,
    /// Files extracted in this run.
    pub extracted: usize,
    /// Files found unchanged in the index (not extracted again).
    pub reused: usize,
    /// Wall time of the whole run.
    pub seconds: f64,
}

impl std::fmt::Display for RunSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ok = self.statuses.get("ok").copied().unwrap_or(0);
        let failed: Vec<String> = self
            .statuses
            .iter()
            .filter(|(status, _)| status.as_str() != "ok")
            .map(|(status, count)| format!("{count} {status}"))
            .collect();
        write!(
            f,
            "{} files, {ok} ok, {} failed{}; {} extracted, {} unchanged; {:.1} s",
            self.files,
            self.files - ok,
            if failed.is_empty() {
                String::new()
            } else {
                format!(" ({})", failed.join(", "))
            },
            self.extracted,
            self.reused,
            self.seconds
        )
    }
}

/// Runs the whole pipeline and writes the shortlist and its manifest.
pub fn run(config: &RunConfig) -> Result<RunSummary, FatalError> {
    let started = Instant::now();
    let started_at = chrono::Utc::now().to_rfc3339();
    let mut stages = BTreeMap::new();
    let mut lap = Instant::now();
    let mut stage_done = |name: &str| {
        stages.insert(name.to_string(), seconds(lap.elapsed()));
        lap = Instant::now();
    };
    let profile = &config.scoring.profile;

    let inputs = ingest::discover(&config.input, config.all_files)?;
    for note in &inputs.notes {
        tracing::warn!("{note}");
    }
    let mut index = CvIndex::open(&config.index_dir, config.rebuild, config.wait_for_lock)?;
    // The lock is held: temporary files in the index folder are a killed run's.
    atomic::remove_leftovers(&config.index_dir)?;
    let hashes_path = config.index_dir.join(ingest::hash_cache::FILE_NAME);
    if config.rebuild {
        ResultStore::forget(&config.index_dir.join(store::FILE_NAME))?;
        ResultStore::forget(&hashes_path)?;
    }
    let known_hashes = HashCache::load(&hashes_path);
    let (prepared, hashes) =
        ingest::prepare_with(&inputs.files, config.scoring.max_file_bytes, &known_hashes);
    if hashes != known_hashes {
        hashes.save(&hashes_path)?;
    }
    drop((known_hashes, hashes));
    stage_done("ingest");
    let Processed {
        rows,
        results,
        extracted,
        reused,
        busy_seconds,
    } = process(
        &mut index,
        &inputs,
        &prepared,
        &config.scoring,
        &mut stage_done,
    )?;
    csv_export::write(
        &config.out,
        profile,
        &inputs.passthrough_columns,
        &rows,
        |row| results.cells(&row.input.key),
    )?;
    let statuses = RunManifest::count_statuses(&rows);
    stage_done("report");

    let manifest = RunManifest {
        tool_version: env!("CARGO_PKG_VERSION"),
        started_at,
        input: config.input.clone(),
        profile: profile.source.clone(),
        profile_sha256: profile.sha256.clone(),
        threads: config.scoring.pool.workers,
        files: rows.len(),
        statuses: statuses.clone(),
        extracted,
        stage_seconds: stages,
        busy_seconds,
        inputs: inputs
            .files
            .iter()
            .zip(&prepared)
            .filter_map(|(input, prepared)| match prepared {
                Prepared::Ready { sha256 } | Prepared::Duplicate { sha256, .. } => {
                    Some((input.key.clone(), sha256.clone()))
                }
                Prepared::Failed { .. } => None,
            })
            .collect(),
        notes: inputs.notes.clone(),
    };
    manifest.write(&RunManifest::path_for(&config.out))?;
    Ok(RunSummary {
        files: rows.len(),
        statuses,
        extracted,
        reused,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The rows of a processed input, and how many files had to be extracted.
pub struct Processed {
    /// One row per input, ranked.
    pub rows: Vec<Row>,
    /// Every CV's full result (cells and explanation), read on demand.
    pub results: ResultStore,
    /// Files extracted in this run.
    pub extracted: usize,
    /// PDFs found unchanged in the index (not extracted again).
    pub reused: usize,
    /// Time spent in each overlapping stage, summed over threads (see [`BusyTime`]).
    pub busy_seconds: BTreeMap<String, f64>,
}

/// What a run must do with each input it can read, and with the index.
struct RunPlan<'k> {
    /// Same bytes, date and profile as a stored result: carry it over.
    reuse: Vec<usize>,
    /// Text in the index, result stale (profile or reference date changed): score it again.
    rescore: Vec<usize>,
    /// New or changed bytes: extract, index and score.
    extract: Vec<usize>,
    /// Keys the index holds whose files are gone.
    vanished: Vec<&'k String>,
}

impl<'k> RunPlan<'k> {
    /// Sorts the inputs (by position) against what the index and the old store hold.
    fn new(
        inputs: &Inputs,
        prepared: &[Prepared],
        known: &'k HashMap<String, String>,
        old: &ResultStore,
        present_for: impl Fn(&str) -> NaiveDate,
    ) -> RunPlan<'k> {
        let mut plan = RunPlan {
            reuse: Vec::new(),
            rescore: Vec::new(),
            extract: Vec::new(),
            vanished: Vec::new(),
        };
        let mut wanted = HashSet::new();
        for (id, (input, prepared)) in inputs.files.iter().zip(prepared).enumerate() {
            let Prepared::Ready { sha256 } = prepared else {
                continue;
            };
            wanted.insert(input.key.as_str());
            let key = &input.key;
            if known.get(key) != Some(sha256) {
                plan.extract.push(id);
            } else if old.lookup(key, sha256, present_for(key)).is_some() {
                plan.reuse.push(id);
            } else {
                plan.rescore.push(id);
            }
        }
        plan.vanished = known
            .keys()
            .filter(|key| !wanted.contains(key.as_str()))
            .collect();
        plan
    }

    /// True when the old store already holds exactly the results this run needs.
    fn changes_nothing(&self, stored: usize) -> bool {
        self.rescore.is_empty()
            && self.extract.is_empty()
            && self.vanished.is_empty()
            && stored == self.reuse.len()
    }
}

/// Extracts what the index lacks (or holds in an older version), drops what vanished, scores
/// what has no current result, and ranks everything: the part of a run shared by `run`,
/// `explain` and `evaluate`. CVs are scored as they come out of extraction; only a summary per
/// CV stays in memory.
pub fn process(
    index: &mut CvIndex,
    inputs: &Inputs,
    prepared: &[Prepared],
    scoring: &ScoringConfig,
    mut stage_done: impl FnMut(&str),
) -> Result<Processed, FatalError> {
    let known = index.known_hashes()?;
    let store_path = index.folder().map(|dir| dir.join(store::FILE_NAME));
    let old = store_path
        .as_deref()
        .map(|path| ResultStore::open(path, &scoring.profile.sha256))
        .unwrap_or_default();
    let submitted: HashMap<&str, NaiveDate> = inputs
        .files
        .iter()
        .filter_map(|input| Some((input.key.as_str(), input.submitted_at?.date_naive())))
        .collect();
    let deadline = scoring.profile.job.deadline;
    // "Present" in a CV is its submission date when the manifest has one, else the deadline.
    let present_for = |key: &str| submitted.get(key).copied().unwrap_or(deadline);
    let plan = RunPlan::new(inputs, prepared, &known, &old, present_for);

    let busy = BusyTime::default();
    // An unchanged rerun writes nothing: the old store already holds every result.
    let results = if plan.changes_nothing(old.len()) {
        stage_done("extract_index_score");
        old
    } else {
        let mut writer = StoreWriter::create(store_path.as_deref(), &scoring.profile.sha256)?;
        for &id in &plan.reuse {
            writer.copy(&old, &inputs.files[id].key)?;
        }
        drop(old);
        let scorer = Scorer::new(&scoring.profile);
        let sink = ResultSink {
            writer: Mutex::new(writer),
            scorer: &scorer,
            present_for: &present_for,
            busy: &busy,
        };
        if !plan.extract.is_empty() || !plan.vanished.is_empty() {
            let update = IndexUpdate {
                jobs: plan
                    .extract
                    .iter()
                    .map(|&id| Job {
                        id,
                        path: inputs.files[id].path.clone(),
                    })
                    .collect(),
                known: &known,
                vanished: &plan.vanished,
            };
            extract_into_index(index, &scoring.pool, inputs, prepared, update, &sink)?;
            index.reload()?;
        }
        stage_done("extract_index_score");
        // In batches, so that only one batch of CV texts is in memory at a time.
        let keys: Vec<&str> = plan
            .rescore
            .iter()
            .map(|&id| inputs.files[id].key.as_str())
            .collect();
        for batch in keys.chunks(SCORE_BATCH) {
            index
                .stored(batch)?
                .into_par_iter()
                .try_for_each(|cv| sink.add(&cv, &sections::split(&cv.page_texts())))?;
        }
        sink.writer
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .finish()?
    };
    stage_done("rescore");
    Ok(Processed {
        rows: build_rows(
            inputs,
            prepared,
            &results,
            scoring.profile.scoring.unconfirmed_eligibility_penalty,
        ),
        results,
        extracted: plan.extract.len(),
        reused: plan.reuse.len() + plan.rescore.len(),
        busy_seconds: busy.seconds(),
    })
}

/// Scores CVs and writes their results to the new store, from any thread.
struct ResultSink<'a> {
    writer: Mutex<StoreWriter>,
    scorer: &'a Scorer<'a>,
    present_for: &'a (dyn Fn(&str) -> NaiveDate + Sync),
    busy: &'a BusyTime,
}

impl ResultSink<'_> {
    /// Scores `cv` (when its extraction succeeded) from its `lines` and stores the result.
    fn add(&self, cv: &StoredCv, lines: &[Line]) -> Result<(), FatalError> {
        let reference = (self.present_for)(&cv.key);
        let score = self.busy.time("score", || {
            (cv.status == Status::Ok).then(|| self.scorer.score_lines(cv, lines, reference))
        });
        let summary = Summary {
            key: cv.key.clone(),
            sha256: cv.sha256.clone(),
            reference,
            status: cv.status,
            detail: cv.detail.clone(),
            language: cv.language.map(|language| language.code().to_string()),
            headline: score.as_ref().map(Headline::from),
        };
        let cells = score
            .as_ref()
            .map(csv_export::score_cells)
            .unwrap_or_default();
        let encoded = self
            .busy
            .time("encode", || Encoded::new(summary, &cells, score.as_ref()));
        self.busy.time("store", || {
            self.writer
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .add(encoded)
        })
    }
}

/// What a run changes in the index.
struct IndexUpdate<'a> {
    /// Files to extract (new or changed).
    jobs: Vec<Job>,
    /// Key → hash of what the index held before the run (a known key is replaced, a new one
    /// only added).
    known: &'a HashMap<String, String>,
    /// Keys whose files are gone.
    vanished: &'a [&'a String],
}

/// Extracts the update's files on the worker pool; indexes and scores each result as it
/// arrives; removes the vanished keys; commits at safe points.
fn extract_into_index(
    index: &CvIndex,
    settings: &PoolSettings,
    inputs: &Inputs,
    prepared: &[Prepared],
    update: IndexUpdate,
    sink: &ResultSink,
) -> Result<(), FatalError> {
    let IndexUpdate {
        jobs,
        known,
        vanished,
    } = update;
    let progress = progress_bar(jobs.len());
    let writer = RwLock::new(index.writer(settings.workers)?);
    for key in vanished {
        read(&writer).remove(key);
    }
    let commits = CommitClock::default();
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
                        let Prepared::Ready { sha256 } = &prepared[id] else {
                            continue;
                        };
                        let input = &inputs.files[id];
                        let mut cv = StoredCv::new(
                            input.key.clone(),
                            input.display.clone(),
                            sha256.clone(),
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
                        if commits.due() {
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
        outcome?;
        writer
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .commit()
    })?;
    progress.finish_and_clear();
    Ok(())
}

/// Shared read access to the writer (upserts); commits take the write side.
fn read<'a>(writer: &'a RwLock<CvWriter<'_>>) -> std::sync::RwLockReadGuard<'a, CvWriter<'a>> {
    writer
        .read()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Time spent in each stage, summed over the threads that ran it. Stages overlap (a CV is
/// scored while the next one is extracted), so they have no wall time of their own: these
/// sums say where the machine's time goes. `extract` is the time a job held its worker process.
#[derive(Default)]
pub struct BusyTime(Mutex<BTreeMap<&'static str, Duration>>);

impl BusyTime {
    fn add(&self, stage: &'static str, time: Duration) {
        *self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .entry(stage)
            .or_default() += time;
    }

    fn time<T>(&self, stage: &'static str, work: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let outcome = work();
        self.add(stage, started.elapsed());
        outcome
    }

    fn seconds(self) -> BTreeMap<String, f64> {
        self.0
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .into_iter()
            .map(|(stage, time)| (stage.to_string(), seconds(time)))
            .collect()
    }
}

/// Seconds, rounded to the millisecond.
fn seconds(time: Duration) -> f64 {
    (time.as_secs_f64() * 1000.0).round() / 1000.0
}

/// Says when the index is due a commit: every [`COMMIT_EVERY`].
struct CommitClock {
    last: Mutex<Instant>,
}

impl Default for CommitClock {
    fn default() -> Self {
        CommitClock {
            last: Mutex::new(Instant::now()),
        }
    }
}

impl CommitClock {
    fn due(&self) -> bool {
        let mut last = self
            .last
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if last.elapsed() >= COMMIT_EVERY {
            *last = Instant::now();
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

/// One row per input: ingest failures as decided, the rest from their stored results.
fn build_rows(
    inputs: &Inputs,
    prepared: &[Prepared],
    results: &ResultStore,
    unconfirmed_penalty: f64,
) -> Vec<Row> {
    let mut rows: Vec<Row> = inputs
        .files
        .iter()
        .zip(prepared)
        .map(|(input, prepared)| {
            let (status, detail, language, headline) = match prepared {
                Prepared::Failed { status, detail } => (*status, detail.clone(), None, None),
                Prepared::Duplicate { of, .. } => (
                    Status::Duplicate,
                    format!("same content as {of}"),
                    None,
                    None,
                ),
                Prepared::Ready { .. } => match results.summary(&input.key) {
                    Some(result) => (
                        result.status,
                        result.detail.clone(),
                        result.language.as_deref().and_then(EuLanguage::from_code),
                        result.headline,
                    ),
                    None => (
                        Status::Crashed,
                        "no extraction result recorded".to_string(),
                        None,
                        None,
                    ),
                },
            };
            Row {
                input: input.clone(),
                status,
                detail,
                language,
                rank: None,
                headline,
            }
        })
        .collect();
    let entries: Vec<(&str, Option<Headline>)> = rows
        .iter()
        .map(|row| (row.input.display.as_str(), row.headline))
        .collect();
    let ranks = rank::ranks(&entries, unconfirmed_penalty);
    for (row, rank) in rows.iter_mut().zip(ranks) {
        row.rank = rank;
    }
    rows
}
