//! Ranking quality on the labelled evaluation set (`tests/eval`), through the real binary:
//! the figures `cvmatch evaluate` prints must stay within the targets of the scoring issue.

mod common;

use std::collections::HashMap;

/// The figures of `cvmatch evaluate`: metric rows as (cvmatch, baseline), other lines by name.
fn figures() -> (HashMap<String, (f64, f64)>, HashMap<String, f64>) {
    let output = assert_cmd::Command::cargo_bin("cvmatch")
        .unwrap()
        .current_dir(common::root())
        .arg("evaluate")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let mut metrics = HashMap::new();
    let mut checks = HashMap::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let number = |at: usize| words.get(at).and_then(|word| word.parse::<f64>().ok());
        if let (Some(ours), Some(baseline)) = (
            number(words.len().saturating_sub(2)),
            number(words.len().saturating_sub(1)),
        ) {
            if words.len() >= 3
                && line.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && !line.contains('_')
            {
                metrics.insert(words[..words.len() - 2].join(" "), (ours, baseline));
                continue;
            }
        }
        if let (Some(name), Some(value)) = (words.first(), number(1)) {
            checks.insert(name.to_string(), value);
        }
    }
    (metrics, checks)
}

#[test]
fn the_evaluation_targets_hold() {
    let (metrics, checks) = figures();
    let (ndcg10, baseline10) = metrics["ndcg@10"];
    assert!(ndcg10 >= 0.90, "NDCG@10 {ndcg10}");
    assert!(
        ndcg10 >= 3.0 * baseline10,
        "NDCG@10 {ndcg10} vs BM25 {baseline10}"
    );
    assert_eq!(
        checks["gaming_above_median_top_grade"], 0.0,
        "a gaming CV beats the median top-grade CV"
    );
    assert_eq!(
        checks["worst_pair_difference"], 0.0,
        "two CVs differing only in the header differ in score"
    );
    assert!(
        checks["worst_translation_spread"] <= 1.10,
        "translation spread {}",
        checks["worst_translation_spread"]
    );
    assert!(
        checks["years_mae"] <= 0.5,
        "years MAE {}",
        checks["years_mae"]
    );
    assert!(
        checks["eligibility_accuracy"] >= 0.95,
        "eligibility accuracy {}",
        checks["eligibility_accuracy"]
    );
    assert!(
        checks["language_accuracy"] >= 0.99,
        "language accuracy {}",
        checks["language_accuracy"]
    );
}
