//! Rank stage: eligibility gates first, then the weighted score. CVs that show every gate is met
//! come first, then those that do not say (a recruiter must check them), then those that show a
//! gate fails; within each, by score, with a stable tie-break on the file path so that reruns
//! give the same order.

use crate::score::CvScore;

/// The rank (1-based) of each (path, score) entry; `None` for entries without a score.
pub fn ranks(entries: &[(&str, Option<&CvScore>)]) -> Vec<Option<usize>> {
    let mut scored: Vec<(usize, &str, &CvScore)> = entries
        .iter()
        .enumerate()
        .filter_map(|(index, (path, score))| score.map(|score| (index, *path, score)))
        .collect();
    scored.sort_by(|(_, path_a, a), (_, path_b, b)| {
        a.eligible
            .cmp(&b.eligible)
            .then(b.score.total_cmp(&a.score))
            .then(path_a.cmp(path_b))
    });
    let mut ranks = vec![None; entries.len()];
    for (position, (index, _, _)) in scored.into_iter().enumerate() {
        ranks[index] = Some(position + 1);
    }
    ranks
}
