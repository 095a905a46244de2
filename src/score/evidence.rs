//! The evidence pass: profile terms compiled for one CV language, matched against the CV's
//! analysed lines with their context rules, and turned into a saturating, capped sub-score
//! with quotes.
//!
//! Each word is kept in two forms: stemmed in the CV's language (so "audyty" meets "audytów")
//! and raw, only lowercased and folded (so a product name or an English loanword matches as
//! written, whatever a Polish or Italian stemmer makes of it). A term matches either way.
//! Overlapping matches ("security audit" and "audit" on the same words) count once, for the
//! longest term, so a language whose profile lists more synonyms earns no more for the same text.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use tantivy::tokenizer::TextAnalyzer;

use crate::analysis::sections::{Line, Section};
use crate::analysis::{self, analyse_phrase};
use crate::lang::EuLanguage;
use crate::profile::{CriterionRule, Profile, ScoringRules, Terms};

/// A piece of evidence that earned points (or, for facts, the text a fact was read from).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The profile term that matched (empty for facts).
    pub term: String,
    /// The CV's own words.
    pub quote: String,
    /// 1-based page (0 when not tied to one place).
    pub page: usize,
    /// Where it stood (section name).
    pub section: String,
    /// Points it earned.
    pub points: f64,
}

impl Evidence {
    /// Evidence for a fact (such as a dated security role), quoted as found.
    pub fn fact(quote: &str) -> Evidence {
        Evidence {
            term: String::new(),
            quote: quote.to_string(),
            page: 0,
            section: Section::Experience.name().to_string(),
            points: 0.0,
        }
    }
}

/// The two analysers a CV's words go through.
#[derive(Clone)]
struct Analysers {
    stemmed: TextAnalyzer,
    raw: TextAnalyzer,
}

impl Analysers {
    fn new(language: Option<EuLanguage>) -> Self {
        Analysers {
            stemmed: analysis::analyzer(language),
            raw: analysis::analyzer(None),
        }
    }
}

/// A term compiled for one language: its words in both forms, and the form in the profile.
#[derive(Debug, Clone)]
struct CompiledTerm {
    stemmed: Vec<String>,
    raw: Vec<String>,
    written: String,
}

impl CompiledTerm {
    fn len(&self) -> usize {
        self.stemmed.len()
    }
}

#[derive(Debug, Clone)]
struct CompiledGroup {
    terms: Vec<CompiledTerm>,
    near: Vec<CompiledTerm>,
    not_near: Vec<CompiledTerm>,
    window: usize,
}

/// The profile compiled for CVs of one language.
pub struct CompiledProfile {
    analysers: Analysers,
    criteria: Vec<(Vec<CompiledGroup>, f64)>,
    role_terms: Vec<CompiledTerm>,
    /// Word trigrams (raw forms) of the posting's distinctive phrases.
    pub(super) posting_trigrams: HashSet<[String; 3]>,
}

fn compile(
    analysers: &mut Analysers,
    terms: &Terms,
    language: Option<EuLanguage>,
) -> Vec<CompiledTerm> {
    terms
        .for_cv(language)
        .into_iter()
        .map(|written| CompiledTerm {
            stemmed: analyse_phrase(&mut analysers.stemmed, written),
            raw: analyse_phrase(&mut analysers.raw, written),
            written: written.to_string(),
        })
        .filter(|term| !term.stemmed.is_empty() && term.stemmed.len() == term.raw.len())
        .collect()
}

impl CompiledProfile {
    /// Compiles `profile` for CVs written in `language`.
    pub fn new(profile: &Profile, language: Option<EuLanguage>) -> Self {
        let mut analysers = Analysers::new(language);
        let criteria = profile
            .criteria
            .iter()
            .map(|criterion| match &criterion.rule {
                CriterionRule::Evidence {
                    full_marks_at,
                    groups,
                } => (
                    groups
                        .iter()
                        .map(|group| CompiledGroup {
                            terms: compile(&mut analysers, &group.terms, language),
                            near: compile(&mut analysers, &group.near, language),
                            not_near: compile(&mut analysers, &group.not_near, language),
                            window: group.window,
                        })
                        .collect(),
                    *full_marks_at,
                ),
                CriterionRule::Years { .. } => (Vec::new(), 1.0),
            })
            .collect();
        let role_terms = compile(&mut analysers, &profile.role_terms, language);
        let mut posting_trigrams = HashSet::new();
        for phrase in &profile.posting_phrases {
            let words = analyse_phrase(&mut analysers.raw, phrase);
            for window in words.windows(3) {
                posting_trigrams.insert([window[0].clone(), window[1].clone(), window[2].clone()]);
            }
        }
        CompiledProfile {
            analysers,
            criteria,
            role_terms,
            posting_trigrams,
        }
    }

    /// Analyses a CV's lines into one word stream that remembers each word's line.
    pub fn analyse<'a>(&self, lines: &'a [Line<'a>]) -> AnalysedCv<'a> {
        let mut analysers = self.analysers.clone();
        let mut words = Vec::new();
        for (line_index, line) in lines.iter().enumerate() {
            let stemmed = analysis::analyse(&mut analysers.stemmed, line.text);
            let raw = analysis::analyse(&mut analysers.raw, line.text);
            // Both chains share the tokenizer, so their words align one to one.
            for (stemmed, raw) in stemmed.into_iter().zip(raw) {
                words.push(Word {
                    stemmed: stemmed.text,
                    raw: raw.text,
                    line: line_index,
                    start: stemmed.start,
                    end: stemmed.end,
                });
            }
        }
        AnalysedCv::new(lines, words)
    }

    /// Whether an experience entry describes a cybersecurity role.
    pub fn is_security_role(&self, entry: &str) -> bool {
        let line = [Line {
            page: 1,
            text: entry,
            section: Section::Experience,
        }];
        let cv = self.analyse(&line);
        self.role_terms.iter().any(|term| !cv.find(term).is_empty())
    }

    /// Matched occurrences of a criterion's terms that its context rules allow, overlapping ones
    /// reduced to the longest: (term as written, first word, word count).
    fn occurrences(&self, criterion: usize, cv: &AnalysedCv) -> Vec<(String, usize, usize)> {
        let mut found = Vec::new();
        for group in &self.criteria[criterion].0 {
            for term in &group.terms {
                for start in cv.find(term) {
                    let end = start + term.len();
                    let near_ok = group.near.is_empty()
                        || group
                            .near
                            .iter()
                            .any(|near| cv.near(near, start, end, group.window, true));
                    let excluded = group
                        .not_near
                        .iter()
                        .any(|not| cv.near(not, start, end, group.window, false));
                    if near_ok && !excluded {
                        found.push((term.written.clone(), start, term.len()));
                    }
                }
            }
        }
        found.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        let mut kept: Vec<(String, usize, usize)> = Vec::new();
        for occurrence in found {
            let overlaps = kept
                .last()
                .is_some_and(|(_, start, length)| occurrence.1 < start + length);
            if !overlaps {
                kept.push(occurrence);
            }
        }
        kept
    }

    /// Sub-score (0–1) and evidence of an evidence criterion.
    pub fn criterion_score(
        &self,
        criterion: usize,
        cv: &AnalysedCv,
        rules: &ScoringRules,
    ) -> (f64, Vec<Evidence>) {
        let full_marks = self.criteria[criterion].1;
        // Best occurrence and repetitions per distinct term.
        let mut per_term: HashMap<String, (f64, usize, Evidence)> = HashMap::new();
        for (written, start, length) in self.occurrences(criterion, cv) {
            let line = &cv.lines[cv.words[start].line];
            if !line.section.is_scored() || cv.excluded[cv.words[start].line] {
                continue;
            }
            let weight = if line.section == Section::Experience {
                rules.experience_weight
            } else {
                rules.other_weight
            };
            let evidence = Evidence {
                term: written.clone(),
                quote: cv.quote(start, length),
                page: line.page,
                section: line.section.name().to_string(),
                points: weight,
            };
            per_term
                .entry(written)
                .and_modify(|(best, count, held)| {
                    *count += 1;
                    if weight > *best {
                        *best = weight;
                        *held = evidence.clone();
                    }
                })
                .or_insert((weight, 1, evidence));
        }
        let mut inside = 0.0;
        let mut outside = 0.0;
        let mut evidence = Vec::new();
        for (best, count, mut held) in per_term.into_values() {
            let points = best + rules.repeat_bonus * (count - 1).min(rules.max_repeats) as f64;
            held.points = points;
            if best >= rules.experience_weight {
                inside += points;
            } else {
                outside += points;
            }
            evidence.push(held);
        }
        evidence.sort_by(|a, b| {
            b.points
                .total_cmp(&a.points)
                .then_with(|| a.term.cmp(&b.term))
        });
        let points = inside + outside.min(rules.outside_experience_cap * full_marks);
        ((points / full_marks).min(1.0), evidence)
    }

    /// Number of criteria (for screening).
    pub(super) fn criterion_count(&self) -> usize {
        self.criteria.len()
    }

    /// Every occurrence of a criterion's terms, context ignored: (term as written, first word).
    pub(super) fn raw_matches(&self, criterion: usize, cv: &AnalysedCv) -> Vec<(String, usize)> {
        self.criteria[criterion]
            .0
            .iter()
            .flat_map(|group| group.terms.iter())
            .flat_map(|term| {
                cv.find(term)
                    .into_iter()
                    .map(move |start| (term.written.clone(), start))
            })
            .collect()
    }
}

/// One analysed word and where it came from.
#[derive(Debug, Clone)]
pub(super) struct Word {
    stemmed: String,
    pub(super) raw: String,
    pub(super) line: usize,
    start: usize,
    end: usize,
}

/// A CV's lines and their analysed words, with the lines excluded by screening.
pub struct AnalysedCv<'a> {
    pub(super) lines: &'a [Line<'a>],
    pub(super) words: Vec<Word>,
    stemmed_at: HashMap<String, Vec<usize>>,
    raw_at: HashMap<String, Vec<usize>>,
    /// Lines whose words earn nothing (pasted posting, keyword blocks).
    pub(super) excluded: Vec<bool>,
}

impl<'a> AnalysedCv<'a> {
    fn new(lines: &'a [Line<'a>], words: Vec<Word>) -> Self {
        let mut stemmed_at: HashMap<String, Vec<usize>> = HashMap::new();
        let mut raw_at: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, word) in words.iter().enumerate() {
            stemmed_at
                .entry(word.stemmed.clone())
                .or_default()
                .push(index);
            raw_at.entry(word.raw.clone()).or_default().push(index);
        }
        AnalysedCv {
            excluded: vec![false; lines.len()],
            lines,
            words,
            stemmed_at,
            raw_at,
        }
    }

    /// Word indices where `term` occurs, stemmed or as written, within one line.
    fn find(&self, term: &CompiledTerm) -> Vec<usize> {
        let mut starts = self.find_form(&term.stemmed, &self.stemmed_at, |word| &word.stemmed);
        starts.extend(self.find_form(&term.raw, &self.raw_at, |word| &word.raw));
        starts.sort_unstable();
        starts.dedup();
        starts
    }

    fn find_form(
        &self,
        wanted: &[String],
        index: &HashMap<String, Vec<usize>>,
        form: impl Fn(&Word) -> &String,
    ) -> Vec<usize> {
        let Some(first) = wanted.first() else {
            return Vec::new();
        };
        let Some(starts) = index.get(first) else {
            return Vec::new();
        };
        starts
            .iter()
            .copied()
            .filter(|&start| {
                let Some(span) = self.words.get(start..start + wanted.len()) else {
                    return false;
                };
                span.iter()
                    .zip(wanted)
                    .all(|(word, wanted)| form(word) == wanted)
                    && span.iter().all(|word| word.line == span[0].line)
            })
            .collect()
    }

    /// Whether `term` occurs around the match [start, end) without overlapping it: within
    /// `window` words, or (when `same_line_counts`) anywhere on the match's line.
    fn near(
        &self,
        term: &CompiledTerm,
        start: usize,
        end: usize,
        window: usize,
        same_line_counts: bool,
    ) -> bool {
        let line = self.words[start].line;
        let from = start.saturating_sub(window);
        let to = end + window;
        self.find(term).into_iter().any(|at| {
            let after = at + term.len();
            let apart = after <= start || at >= end;
            let close = at >= from && after <= to;
            apart && (close || (same_line_counts && self.words[at].line == line))
        })
    }

    /// The source words of a match, with up to four words of context on each side.
    fn quote(&self, start: usize, length: usize) -> String {
        let line_index = self.words[start].line;
        let line = self.lines[line_index].text;
        let same_line: Vec<usize> = (start.saturating_sub(4)
            ..(start + length + 4).min(self.words.len()))
            .filter(|&index| self.words[index].line == line_index)
            .collect();
        let (Some(&first), Some(&last)) = (same_line.first(), same_line.last()) else {
            return String::new();
        };
        line[self.words[first].start..self.words[last].end].to_string()
    }

    /// The text of the lines that may be read for facts, one per line; only those of `section`
    /// when one is given.
    pub fn scored_text(&self, section: Option<Section>) -> String {
        self.lines
            .iter()
            .zip(&self.excluded)
            .filter(|(line, excluded)| {
                line.section.is_scored()
                    && !**excluded
                    && section.is_none_or(|wanted| line.section == wanted)
            })
            .map(|(line, _)| line.text)
            .collect::<Vec<_>>()
            .join("\n")
    }
}
