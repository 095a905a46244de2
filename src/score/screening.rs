//! Screening against gaming: lines copied from the posting and keyword blocks earn nothing,
//! and the CV is flagged so that a recruiter can look.

use std::collections::{HashMap, HashSet};

use super::evidence::{AnalysedCv, CompiledProfile};

/// A line whose word trigrams are at least this share posting trigrams was pasted.
const PASTED_TRIGRAM_SHARE: f64 = 0.5;
/// Lines shorter than this (in words) are too short to judge as pasted.
const PASTED_MIN_WORDS: usize = 5;
/// A line with this many distinct profile terms…
const BLOCK_MIN_TERMS: usize = 12;
/// …from at least this many criteria is a keyword block.
const BLOCK_MIN_CRITERIA: usize = 4;

/// Excludes lines copied from the posting; true when there were any.
pub(super) fn exclude_pasted_posting(profile: &CompiledProfile, cv: &mut AnalysedCv) -> bool {
    if profile.posting_trigrams.is_empty() {
        return false;
    }
    let mut by_line: HashMap<usize, Vec<&str>> = HashMap::new();
    for word in &cv.words {
        by_line.entry(word.line).or_default().push(&word.raw);
    }
    let mut found = false;
    for (line, words) in by_line {
        if words.len() < PASTED_MIN_WORDS {
            continue;
        }
        let trigrams = words.len() - 2;
        let pasted = words
            .windows(3)
            .filter(|window| {
                profile.posting_trigrams.contains(&[
                    window[0].to_string(),
                    window[1].to_string(),
                    window[2].to_string(),
                ])
            })
            .count();
        if pasted as f64 >= PASTED_TRIGRAM_SHARE * trigrams as f64 {
            cv.excluded[line] = true;
            found = true;
        }
    }
    found
}

/// Excludes lines that list profile terms wholesale; true when there were any.
pub(super) fn exclude_keyword_blocks(profile: &CompiledProfile, cv: &mut AnalysedCv) -> bool {
    let mut terms_per_line: HashMap<usize, (HashSet<String>, HashSet<usize>)> = HashMap::new();
    for criterion in 0..profile.criterion_count() {
        for (term, start) in profile.raw_matches(criterion, cv) {
            let entry = terms_per_line.entry(cv.words[start].line).or_default();
            entry.0.insert(term);
            entry.1.insert(criterion);
        }
    }
    let mut found = false;
    for (line, (terms, criteria)) in terms_per_line {
        if terms.len() >= BLOCK_MIN_TERMS && criteria.len() >= BLOCK_MIN_CRITERIA {
            cv.excluded[line] = true;
            found = true;
        }
    }
    found
}
