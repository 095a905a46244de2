//! Rank stage: eligibility gates, then the weighted score. A CV that shows a gate fails ranks
//! after every other; a CV whose eligibility cannot be confirmed from its text ranks as if it
//! scored `unconfirmed_penalty` points less (its score itself is unchanged), so a confirmed
//! candidate comes first unless the unconfirmed one is clearly stronger and must be checked.
//! Ties break on the file path, so reruns give the same order.

use crate::score::Eligibility;
use crate::store::Headline;

/// The rank (1-based) of each (path, score) entry; `None` for entries without a score.
pub fn ranks(entries: &[(&str, Option<Headline>)], unconfirmed_penalty: f64) -> Vec<Option<usize>> {
    let ranking_value = |score: &Headline| match score.eligible {
        Eligibility::Unknown => score.score - unconfirmed_penalty,
        Eligibility::Yes | Eligibility::No => score.score,
    };
    let mut scored: Vec<(usize, &str, &Headline)> = entries
        .iter()
        .enumerate()
        .filter_map(|(index, (path, score))| score.as_ref().map(|score| (index, *path, score)))
        .collect();
    scored.sort_by(|(_, path_a, a), (_, path_b, b)| {
        (a.eligible == Eligibility::No)
            .cmp(&(b.eligible == Eligibility::No))
            .then(ranking_value(b).total_cmp(&ranking_value(a)))
            .then(path_a.cmp(path_b))
    });
    let mut ranks = vec![None; entries.len()];
    for (position, (index, _, _)) in scored.into_iter().enumerate() {
        ranks[index] = Some(position + 1);
    }
    ranks
}
