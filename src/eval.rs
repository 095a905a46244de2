//! Ranking-quality metrics for `cvmatch evaluate`: graded relevance (0–3) against a ranking.

/// Discounted cumulative gain of the first `k` grades (gain 2^grade − 1).
fn dcg(grades: &[u8], k: usize) -> f64 {
    grades
        .iter()
        .take(k)
        .enumerate()
        .map(|(position, &grade)| {
            (2f64.powi(i32::from(grade)) - 1.0) / (position as f64 + 2.0).log2()
        })
        .sum()
}

/// NDCG@k of grades listed in ranked order (1.0 = the ideal order).
pub fn ndcg(ranked_grades: &[u8], k: usize) -> f64 {
    let mut ideal = ranked_grades.to_vec();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let best = dcg(&ideal, k);
    if best == 0.0 {
        return 0.0;
    }
    dcg(ranked_grades, k) / best
}

/// Share of the first `k` ranked items whose grade is at least `relevant`.
pub fn precision_at(ranked_grades: &[u8], k: usize, relevant: u8) -> f64 {
    let top = &ranked_grades[..k.min(ranked_grades.len())];
    if top.is_empty() {
        return 0.0;
    }
    top.iter().filter(|&&grade| grade >= relevant).count() as f64 / top.len() as f64
}

/// Share of the items with grade `grade` that appear in the first `k` ranked items.
pub fn recall_at(ranked_grades: &[u8], k: usize, grade: u8) -> f64 {
    let total = ranked_grades.iter().filter(|&&g| g == grade).count();
    if total == 0 {
        return 0.0;
    }
    let found = ranked_grades
        .iter()
        .take(k)
        .filter(|&&g| g == grade)
        .count();
    found as f64 / total as f64
}

/// Median of a list (0 for an empty list).
pub fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ideal_order_has_ndcg_one() {
        assert!((ndcg(&[3, 2, 1, 0], 10) - 1.0).abs() < 1e-12);
        assert!(ndcg(&[0, 1, 2, 3], 10) < 0.7);
        assert_eq!(ndcg(&[0, 0], 10), 0.0);
    }

    #[test]
    fn precision_and_recall_count_the_right_items() {
        let ranked = [3, 0, 3, 2, 1, 3];
        assert_eq!(precision_at(&ranked, 4, 2), 0.75);
        assert_eq!(recall_at(&ranked, 3, 3), 2.0 / 3.0);
        assert_eq!(median(&[5.0, 1.0, 3.0]), 3.0);
        assert_eq!(median(&[4.0, 1.0]), 2.5);
    }
}
