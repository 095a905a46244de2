//! Orchestration of `cvmatch run`: the stages in order, the worker pool, the streaming hand-off
//! from extraction to the consumers that detect the language of, score and index each CV, the
//! result store, progress on stderr, and the timing of each stage.

mod busy;
mod plan;
mod stream;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Mutex;
use std::time::Instant;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::config::{RunConfig, ScoringConfig};
use crate::error::FatalError;
use crate::index::CvIndex;
use crate::ingest::{self, HashCache, Inputs, Prepared};
use crate::report::manifest::RunManifest;
use crate::report::{csv_export, Row};
use crate::score::Scorer;
use crate::status::Status;
use crate::store::{self, Headline, ResultStore, StoreWriter};
use crate::{atomic, rank};
use busy::seconds;
pub use busy::BusyTime;
use plan::RunPlan;
use stream::{extract_into_index, IndexUpdate, ResultSink};

/// CVs fetched from the index and rescored together (after a profile change).
const SCORE_BATCH: usize = 512;
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
    atomic::remove_leftovers(&config.index_dir)?;
    atomic::remove_leftovers(atomic::folder_of(&config.out))?;
    let hashes_path = config.index_dir.join(ingest::hash_cache::FILE_NAME);
    if config.rebuild {
        atomic::remove(&config.index_dir.join(store::FILE_NAME))?;
        atomic::remove(&hashes_path)?;
    }
    let known_hashes = HashCache::load(&hashes_path);
    let (prepared, hashes) =
        ingest::prepare_with(&inputs, config.scoring.max_file_bytes, &known_hashes);
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
        |row| results.cells(row.input.key()),
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
            .iter()
            .zip(&prepared)
            .filter_map(|(input, prepared)| match prepared {
                &Prepared::Ready { sha256 } | &Prepared::Duplicate { sha256, .. } => {
                    Some((input.key(), sha256))
                }
                Prepared::Failed { .. } => None,
            })
            .collect(),
        notes: &inputs.notes,
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
pub struct Processed<'a> {
    /// One row per input, ranked.
    pub rows: Vec<Row<'a>>,
    /// Every CV's full result (cells and explanation), read on demand.
    pub results: ResultStore,
    /// Files extracted in this run.
    pub extracted: usize,
    /// PDFs found unchanged in the index (not extracted again).
    pub reused: usize,
    /// Time spent in each overlapping stage, summed over threads (see [`BusyTime`]).
    pub busy_seconds: BTreeMap<String, f64>,
}

/// Extracts what the index lacks (or holds in an older version), drops what vanished, scores
/// what has no current result, and ranks everything: the part of a run shared by `run`,
/// `explain` and `evaluate`. CVs are scored as they come out of extraction; only a summary per
/// CV stays in memory.
pub fn process<'a>(
    index: &mut CvIndex,
    inputs: &'a Inputs,
    prepared: &[Prepared],
    scoring: &ScoringConfig,
    mut stage_done: impl FnMut(&str),
) -> Result<Processed<'a>, FatalError> {
    let known = index.known_hashes()?;
    let store_path = index.folder().map(|dir| dir.join(store::FILE_NAME));
    let old = store_path
        .as_deref()
        .map(|path| ResultStore::open(path, &scoring.profile.sha256))
        .unwrap_or_default();
    let submitted: HashMap<&str, NaiveDate> = inputs
        .iter()
        .filter_map(|input| Some((input.key(), input.submitted_at()?.date_naive())))
        .collect();
    let deadline = scoring.profile.job.deadline;
    // "Present" in a CV is its submission date when the manifest has one, else the deadline.
    let present_for = |key: &str| submitted.get(key).copied().unwrap_or(deadline);
    let plan = RunPlan::new(inputs, prepared, &known, &old, present_for);

    let busy = BusyTime::default();
    // An unchanged rerun writes nothing: the old store already holds every result.
    let results = if plan.changes_nothing() {
        stage_done("extract_index_score");
        old
    } else {
        let writer = {
            let key = |id: usize| inputs.get(id).key();
            let keep: Vec<&str> = plan.reuse.iter().map(|&id| key(id)).collect();
            let current: HashSet<&str> = plan.with_results().map(key).collect();
            let profile = &scoring.profile.sha256;
            StoreWriter::update(old, store_path.as_deref(), profile, &keep, &current)?
        };
        let scorer = Scorer::new(&scoring.profile);
        let sink = ResultSink {
            writer: Mutex::new(writer),
            scorer: &scorer,
            present_for: &present_for,
            busy: &busy,
        };
        if !plan.extract.is_empty() || !plan.vanished.is_empty() {
            let update = IndexUpdate {
                extract: &plan.extract,
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
            .map(|&id| inputs.get(id).key())
            .collect();
        for batch in keys.chunks(SCORE_BATCH) {
            index
                .stored(batch)?
                .into_par_iter()
                .try_for_each(|mut cv| {
                    let score = sink.analyse(&mut cv, false);
                    sink.store(&cv, score.as_ref())
                })?;
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

/// One row per input: ingest failures as decided, the rest from their stored results.
fn build_rows<'a>(
    inputs: &'a Inputs,
    prepared: &[Prepared],
    results: &ResultStore,
    unconfirmed_penalty: f64,
) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = inputs
        .iter()
        .zip(prepared)
        .map(|(input, prepared)| {
            let (status, detail, language, headline) = match prepared {
                Prepared::Failed { status, detail } => (*status, detail.clone(), None, None),
                Prepared::Duplicate { of, .. } => (
                    Status::Duplicate,
                    format!("same content as {}", inputs.get(*of).display()),
                    None,
                    None,
                ),
                Prepared::Ready { .. } => match results.summary(input.key()) {
                    Some(result) => (
                        result.status,
                        result.detail.to_string(),
                        result.language,
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
                input,
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
        .map(|row| (row.input.display(), row.headline))
        .collect();
    let ranks = rank::ranks(&entries, unconfirmed_penalty);
    for (row, rank) in rows.iter_mut().zip(ranks) {
        row.rank = rank;
    }
    rows
}
