//! Screening against gaming: lines copied from the posting and keyword blocks earn nothing,
//! and the CV is flagged so that a recruiter can look.

use foldhash::{HashMap as FastMap, HashSet as FastSet};

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
    // By raw form number, the number of that word in the posting's phrases.
    let posting = cv.raw.numbers_in(&profile.posting_words);
    let mut pasted_lines = Vec::new();
    for words in cv.words.chunk_by(|a, b| a.line == b.line) {
        if words.len() < PASTED_MIN_WORDS {
            continue;
        }
        let trigrams = words.len() - 2;
        let pasted = words
            .windows(3)
            .filter(
                |window| match [0, 1, 2].map(|k| posting[window[k].raw as usize]) {
                    [Some(a), Some(b), Some(c)] => profile.posting_trigrams.contains(&[a, b, c]),
                    _ => false,
                },
            )
            .count();
        if pasted as f64 >= PASTED_TRIGRAM_SHARE * trigrams as f64 {
            pasted_lines.push(words[0].line);
        }
    }
    for &line in &pasted_lines {
        cv.excluded[line] = true;
    }
    !pasted_lines.is_empty()
}

/// Excludes lines that list profile terms wholesale; true when there were any.
pub(super) fn exclude_keyword_blocks(profile: &CompiledProfile, cv: &mut AnalysedCv) -> bool {
    let mut terms_per_line: FastMap<usize, (FastSet<&str>, FastSet<usize>)> = FastMap::default();
    for criterion in 0..profile.criterion_count() {
        for (term, start) in profile.raw_matches(criterion, cv) {
            let entry = terms_per_line.entry(cv.words[start].line).or_default();
            entry.0.insert(term);
            entry.1.insert(criterion);
        }
    }
    let blocks: Vec<usize> = terms_per_line
        .into_iter()
        .filter(|(_, (terms, criteria))| {
            terms.len() >= BLOCK_MIN_TERMS && criteria.len() >= BLOCK_MIN_CRITERIA
        })
        .map(|(line, _)| line)
        .collect();
    for &line in &blocks {
        cv.excluded[line] = true;
    }
    !blocks.is_empty()
}
