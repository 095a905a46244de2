//! `cvmatch evaluate`: ranking quality on a labelled evaluation set, next to a plain BM25
//! search of the posting as the baseline, plus the equal-treatment and fact-reading checks.
//!
//! The set is a folder with `labels.csv` (file, grade 0–3, kind, group, pair, language, years,
//! eligible), the PDFs it names, and `posting.txt` (the baseline's query).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::path::Path;

use serde::Deserialize;

use crate::app::{self, Processed};
use crate::cli::EvaluateArgs;
use crate::config::ScoringConfig;
use crate::error::{FatalError, EXIT_OK};
use crate::eval::{median, ndcg, precision_at, recall_at};
use crate::index::CvIndex;
use crate::ingest::{self, Inputs};
use crate::report::Row;
use crate::score::CvScore;

/// One labelled CV.
#[derive(Debug, Clone, Deserialize)]
struct Label {
    file: String,
    grade: u8,
    kind: String,
    group: String,
    pair: String,
    language: String,
    years: f64,
    eligible: String,
}

/// Kinds of CV that try to game the scorer.
const GAMING_KINDS: [&str; 3] = ["stuffed", "pasted", "hidden_text"];

/// Scores the set and prints every figure the quality targets are stated in.
pub fn run(args: &EvaluateArgs) -> Result<i32, FatalError> {
    let scoring = ScoringConfig::from_args(&args.scoring)?;
    let labels = read_labels(&args.set.join("labels.csv"))?;
    let posting = std::fs::read_to_string(args.set.join("posting.txt"))
        .map_err(|error| FatalError::io(args.set.join("posting.txt"), error))?;
    let mut inputs = Inputs::new(&args.set);
    for label in &labels {
        inputs.push_file(&args.set.join(&label.file), &label.file, None);
    }
    let prepared = ingest::prepare(&inputs, scoring.max_file_bytes);
    let mut index = CvIndex::in_memory()?;
    let Processed { rows, results, .. } =
        app::process(&mut index, &inputs, &prepared, &scoring, |_| {})?;
    // The set is small: every full score fits in memory.
    let mut scores: HashMap<&str, CvScore> = HashMap::new();
    for row in &rows {
        if let Some(score) = results
            .score(row.input.key())
            .map_err(|error| FatalError::io(row.input.path(), error))?
        {
            scores.insert(row.input.key(), score);
        }
    }
    // Written to a String first, then to stdout in one go (a closed pipe is not an error).
    let mut out = String::new();
    let bm25 = index.bm25_scores(&posting)?;

    let by_file: HashMap<&str, &Label> = labels
        .iter()
        .map(|label| (label.file.as_str(), label))
        .collect();
    let cvmatch_order = ranked_grades(&rows, &by_file);
    let mut bm25_rows: Vec<(&str, f32)> = labels
        .iter()
        .map(|label| {
            (
                label.file.as_str(),
                bm25.get(&label.file).copied().unwrap_or(0.0),
            )
        })
        .collect();
    bm25_rows.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let bm25_order: Vec<u8> = bm25_rows
        .iter()
        .map(|(file, _)| by_file[file].grade)
        .collect();

    let _ = writeln!(
        out,
        "evaluation set: {} ({} CVs, profile {})",
        args.set.display(),
        labels.len(),
        scoring.profile.source
    );
    let _ = writeln!(
        out,
        "{:<34} {:>9} {:>13}",
        "metric", "cvmatch", "bm25-posting"
    );
    let both = |out: &mut String, name: &str, metric: &dyn Fn(&[u8]) -> f64| {
        let _ = writeln!(
            out,
            "{name:<34} {:>9.3} {:>13.3}",
            metric(&cvmatch_order),
            metric(&bm25_order)
        );
    };
    both(&mut out, "ndcg@10", &|grades| ndcg(grades, 10));
    both(&mut out, "ndcg@50", &|grades| ndcg(grades, 50));
    both(&mut out, "precision@10 (grade>=2)", &|grades| {
        precision_at(grades, 10, 2)
    });
    both(&mut out, "recall@30 (grade 3)", &|grades| {
        recall_at(grades, 30, 3)
    });

    let score_of: HashMap<&str, f64> = rows
        .iter()
        .map(|row| {
            (
                row.input.key(),
                row.headline.map_or(0.0, |headline| headline.score),
            )
        })
        .collect();
    let top_grade: Vec<f64> = labels
        .iter()
        .filter(|label| label.grade == 3)
        .map(|label| score_of[label.file.as_str()])
        .collect();
    let bar = median(&top_grade);
    let gaming_above: Vec<&str> = labels
        .iter()
        .filter(|label| {
            GAMING_KINDS.contains(&label.kind.as_str()) && score_of[label.file.as_str()] > bar
        })
        .map(|label| label.file.as_str())
        .collect();
    let _ = writeln!(
        out,
        "gaming_above_median_top_grade {} (median top-grade score {bar:.1}) {}",
        gaming_above.len(),
        gaming_above.join(" ")
    );

    let (pair_difference, pair) = worst(
        &labels,
        |label| &label.pair,
        &score_of,
        |scores| {
            scores.iter().copied().fold(f64::MIN, f64::max)
                - scores.iter().copied().fold(f64::MAX, f64::min)
        },
    );
    let _ = writeln!(out, "worst_pair_difference {pair_difference:.1} {pair}");
    let (spread, group) = worst(
        &labels,
        |label| &label.group,
        &score_of,
        |scores| {
            let low = scores.iter().copied().fold(f64::MAX, f64::min);
            let high = scores.iter().copied().fold(f64::MIN, f64::max);
            match (low, high) {
                (_, high) if high <= 0.0 => 1.0,
                (low, _) if low <= 0.0 => f64::INFINITY,
                (low, high) => high / low,
            }
        },
    );
    let _ = writeln!(out, "worst_translation_spread {spread:.3} {group}");

    let row_of: HashMap<&str, &Row> = rows.iter().map(|row| (row.input.key(), row)).collect();
    let language_hits = labels
        .iter()
        .filter(|label| {
            row_of[label.file.as_str()]
                .language
                .is_some_and(|language| language.code() == label.language)
        })
        .count();
    let _ = writeln!(
        out,
        "language_accuracy {}",
        share(language_hits, labels.len())
    );
    let years_errors: Vec<f64> = labels
        .iter()
        .filter_map(|label| {
            let score = scores.get(label.file.as_str())?;
            Some((score.facts.years_experience - label.years).abs())
        })
        .collect();
    let _ = writeln!(
        out,
        "years_mae {:.3}",
        years_errors.iter().sum::<f64>() / years_errors.len().max(1) as f64
    );
    let eligibility_hits = labels
        .iter()
        .filter(|label| {
            row_of[label.file.as_str()]
                .headline
                .is_some_and(|headline| headline.eligible.as_str() == label.eligible)
        })
        .count();
    let _ = writeln!(
        out,
        "eligibility_accuracy {}",
        share(eligibility_hits, labels.len())
    );
    super::print(&out)?;
    Ok(EXIT_OK)
}

/// "0.983 (174/177)".
fn share(hits: usize, total: usize) -> String {
    format!("{:.3} ({hits}/{total})", hits as f64 / total.max(1) as f64)
}

fn read_labels(path: &Path) -> Result<Vec<Label>, FatalError> {
    let fail = |reason: String| FatalError::Input {
        path: path.to_path_buf(),
        reason,
    };
    let mut reader = csv::Reader::from_path(path).map_err(|error| fail(error.to_string()))?;
    let labels = reader
        .deserialize()
        .collect::<Result<Vec<Label>, _>>()
        .map_err(|error| fail(error.to_string()))?;
    if labels.is_empty() {
        return Err(fail("no labelled CVs".into()));
    }
    Ok(labels)
}

/// Grades in cvmatch's order: ranked rows first, then unranked ones (failures) by file.
fn ranked_grades(rows: &[Row], labels: &HashMap<&str, &Label>) -> Vec<u8> {
    let mut ordered: Vec<&Row> = rows.iter().collect();
    ordered.sort_by_key(|row| (row.rank.unwrap_or(usize::MAX), row.input.key()));
    ordered
        .iter()
        .map(|row| labels[row.input.key()].grade)
        .collect()
}

/// The largest `measure` over groups of labels sharing a non-empty `group_of`, with its id.
fn worst<'a>(
    labels: &'a [Label],
    group_of: impl Fn(&'a Label) -> &'a String,
    score_of: &HashMap<&str, f64>,
    measure: impl Fn(&[f64]) -> f64,
) -> (f64, String) {
    let mut groups: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for label in labels {
        let group = group_of(label);
        if !group.is_empty() {
            groups
                .entry(group)
                .or_default()
                .push(score_of[label.file.as_str()]);
        }
    }
    groups
        .into_iter()
        .map(|(group, scores)| (measure(&scores), group.to_string()))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap_or((0.0, String::new()))
}
