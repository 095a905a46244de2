//! Extraction quality and containment: word recall against the corpus truth, per producer,
//! and every hostile file of `../shared/corpora` ends as one row without taking the run down.

mod common;

use std::collections::HashMap;

use cvmatch::extract::backend::{extract_with_fallback, BackendKind};
use cvmatch::extract::ExtractLimits;
use cvmatch::status::Status;

/// Words as multisets: lowercase runs of letters and digits.
fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

/// Share of the truth's words (with multiplicity) found in the extracted text.
fn recall(truth: &str, extracted: &str) -> f64 {
    let (truth, extracted) = (words(truth), words(extracted));
    let total: usize = truth.values().sum();
    let found: usize = truth
        .iter()
        .map(|(word, count)| (*count).min(extracted.get(word).copied().unwrap_or(0)))
        .sum();
    found as f64 / total.max(1) as f64
}

#[test]
fn word_recall_is_at_least_0_995_per_producer() {
    let corpus = common::root().join("corpus");
    let default_backends = [BackendKind::Walker, BackendKind::PdfExtract];
    let mut per_producer: HashMap<String, (f64, usize)> = HashMap::new();
    for truth_path in common::files_under(&corpus.join("truth")) {
        let name = truth_path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let Some(producer) = ["simple", "cid", "table"]
            .into_iter()
            .find(|p| name.ends_with(p))
        else {
            continue;
        };
        let pdf = corpus.join(format!("{name}.pdf"));
        let bytes = std::fs::read(&pdf).unwrap();
        let extraction =
            extract_with_fallback(&bytes, &default_backends, &ExtractLimits::default(), |_| {});
        if name.starts_with("broken-") {
            continue;
        }
        assert_eq!(
            extraction.status,
            Status::Ok,
            "{name}: {}",
            extraction.detail
        );
        let text: String = extraction
            .pages
            .iter()
            .map(|page| page.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let truth = std::fs::read_to_string(&truth_path).unwrap();
        let value = recall(&truth, &text);
        let entry = per_producer.entry(producer.to_string()).or_insert((0.0, 0));
        entry.0 += value;
        entry.1 += 1;
        assert!(value >= 0.98, "{name}: recall {value:.4}");
    }
    assert_eq!(
        per_producer.len(),
        3,
        "all three producers are in the corpus"
    );
    for (producer, (sum, count)) in per_producer {
        let mean = sum / count as f64;
        eprintln!("{producer}: mean word recall {mean:.4} over {count} files");
        assert!(mean >= 0.995, "{producer}: mean recall {mean:.4} < 0.995");
    }
}

#[test]
fn every_hostile_file_is_one_row_and_the_run_exits_zero() {
    let Some(corpora) = common::shared_corpora() else {
        return;
    };
    let hostile = corpora.join("hostile");
    let work = tempfile::tempdir().unwrap();
    let output = common::run(&hostile, work.path(), &["--all-files", "--timeout", "5"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows = common::rows(&work.path().join("shortlist.csv"));
    let files = common::files_under(&hostile);
    assert_eq!(rows.len(), files.len(), "one row per hostile file");
    for row in &rows {
        let status = row["status"].as_str();
        assert!(Status::parse(status).is_some(), "unknown status {status:?}");
        if status == "ok" {
            assert!(!row["score"].is_empty(), "an ok row has a score: {row:?}");
        }
    }
}
