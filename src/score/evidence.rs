//! The evidence pass: profile terms compiled to analysed word sequences for one CV language,
//! matched against the CV's analysed lines with their context rules, and turned into a
//! saturating, capped sub-score with quotes.

use std::collections::HashMap;

use tantivy::tokenizer::TextAnalyzer;

use crate::analysis::sections::{Line, Section};
use crate::analysis::{self, analyse_phrase};
use crate::lang::EuLanguage;
use crate::profile::{CriterionRule, Profile, ScoringRules, Terms};

/// A piece of evidence that earned points (or, for facts, the text a fact was read from).
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The profile term that matched (empty for facts).
    pub term: String,
    /// The CV's own words.
    pub quote: String,
    /// 1-based page (0 when not tied to one place).
    pub page: usize,
    /// Where it stood.
    pub section: &'static str,
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
            section: Section::Experience.name(),
            points: 0.0,
        }
    }
}

/// A term compiled for one language: its analysed words and the form written in the profile.
#[derive(Debug, Clone)]
struct CompiledTerm {
    words: Vec<String>,
    written: String,
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
    analyzer: TextAnalyzer,
    criteria: Vec<(Vec<CompiledGroup>, f64)>,
    role_terms: Vec<CompiledTerm>,
    /// Word trigrams of the posting's distinctive phrases.
    pub(super) posting_trigrams: std::collections::HashSet<[String; 3]>,
}

fn compile(
    analyzer: &mut TextAnalyzer,
    terms: &Terms,
    language: Option<EuLanguage>,
) -> Vec<CompiledTerm> {
    terms
        .for_cv(language)
        .into_iter()
        .map(|written| CompiledTerm {
            words: analyse_phrase(analyzer, written),
            written: written.to_string(),
        })
        .filter(|term| !term.words.is_empty())
        .collect()
}

impl CompiledProfile {
    /// Compiles `profile` with the analyser of `language`.
    pub fn new(profile: &Profile, language: Option<EuLanguage>) -> Self {
        let mut analyzer = analysis::analyzer(language);
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
                            terms: compile(&mut analyzer, &group.terms, language),
                            near: compile(&mut analyzer, &group.near, language),
                            not_near: compile(&mut analyzer, &group.not_near, language),
                            window: group.window,
                        })
                        .collect(),
                    *full_marks_at,
                ),
                CriterionRule::Years { .. } => (Vec::new(), 1.0),
            })
            .collect();
        let role_terms = compile(&mut analyzer, &profile.role_terms, language);
        let mut posting_trigrams = std::collections::HashSet::new();
        for phrase in &profile.posting_phrases {
            let words = analyse_phrase(&mut analyzer, phrase);
            for window in words.windows(3) {
                posting_trigrams.insert([window[0].clone(), window[1].clone(), window[2].clone()]);
            }
        }
        CompiledProfile {
            analyzer,
            criteria,
            role_terms,
            posting_trigrams,
        }
    }

    /// Analyses a CV's lines into one word stream that remembers each word's line.
    pub fn analyse<'a>(&self, lines: &'a [Line<'a>]) -> AnalysedCv<'a> {
        let mut analyzer = self.analyzer.clone();
        let mut words = Vec::new();
        for (line_index, line) in lines.iter().enumerate() {
            for term in analysis::analyse(&mut analyzer, line.text) {
                words.push(Word {
                    text: term.text,
                    line: line_index,
                    start: term.start,
                    end: term.end,
                });
            }
        }
        let mut positions: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, word) in words.iter().enumerate() {
            positions.entry(word.text.clone()).or_default().push(index);
        }
        AnalysedCv {
            excluded: vec![false; lines.len()],
            lines,
            words,
            positions,
        }
    }

    /// Whether an experience entry describes a cybersecurity role.
    pub fn is_security_role(&self, entry: &str) -> bool {
        let mut analyzer = self.analyzer.clone();
        let words: Vec<String> = analyse_phrase(&mut analyzer, entry);
        self.role_terms.iter().any(|term| {
            words
                .windows(term.words.len())
                .any(|window| window == term.words.as_slice())
        })
    }

    /// Every matched occurrence of criterion `criterion`'s terms that its context rules allow,
    /// as (term index within the criterion, word index, word count).
    fn occurrences(&self, criterion: usize, cv: &AnalysedCv) -> Vec<(usize, String, usize, usize)> {
        let mut found = Vec::new();
        for group in &self.criteria[criterion].0 {
            for term in &group.terms {
                for start in cv.find(&term.words) {
                    let end = start + term.words.len();
                    let from = start.saturating_sub(group.window);
                    let to = end + group.window;
                    let near_ok = group.near.is_empty()
                        || group
                            .near
                            .iter()
                            .any(|near| cv.occurs_within(&near.words, from, to, start, end));
                    let excluded = group
                        .not_near
                        .iter()
                        .any(|not| cv.occurs_within(&not.words, from, to, start, end));
                    if near_ok && !excluded {
                        found.push((criterion, term.written.clone(), start, term.words.len()));
                    }
                }
            }
        }
        found
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
        for (_, written, start, length) in self.occurrences(criterion, cv) {
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
                section: line.section.name(),
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
        for (_, (best, count, mut held)) in per_term {
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

    /// Number of evidence criteria (for screening).
    pub(super) fn criterion_count(&self) -> usize {
        self.criteria.len()
    }

    /// Matched (criterion, term, word) triples regardless of context, for keyword-block screening.
    pub(super) fn raw_matches(&self, criterion: usize, cv: &AnalysedCv) -> Vec<(String, usize)> {
        self.criteria[criterion]
            .0
            .iter()
            .flat_map(|group| group.terms.iter())
            .flat_map(|term| {
                cv.find(&term.words)
                    .into_iter()
                    .map(move |start| (term.written.clone(), start))
            })
            .collect()
    }
}

/// One analysed word and where it came from.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub(super) text: String,
    pub(super) line: usize,
    start: usize,
    end: usize,
}

/// A CV's lines and their analysed words, with the lines excluded by screening.
pub struct AnalysedCv<'a> {
    pub(super) lines: &'a [Line<'a>],
    pub(super) words: Vec<Word>,
    positions: HashMap<String, Vec<usize>>,
    /// Lines whose words earn nothing (pasted posting, keyword blocks).
    pub(super) excluded: Vec<bool>,
}

impl AnalysedCv<'_> {
    /// Word indices where `words` occurs as a sequence.
    fn find(&self, words: &[String]) -> Vec<usize> {
        let Some(first) = words.first() else {
            return Vec::new();
        };
        let Some(starts) = self.positions.get(first) else {
            return Vec::new();
        };
        starts
            .iter()
            .copied()
            .filter(|&start| {
                self.words.len() >= start + words.len()
                    && self.words[start..start + words.len()]
                        .iter()
                        .zip(words)
                        .all(|(word, wanted)| &word.text == wanted)
            })
            .collect()
    }

    /// Whether `words` occurs inside [from, to) without overlapping the match [start, end).
    fn occurs_within(
        &self,
        words: &[String],
        from: usize,
        to: usize,
        start: usize,
        end: usize,
    ) -> bool {
        self.find(words).into_iter().any(|at| {
            at >= from && at + words.len() <= to && (at + words.len() <= start || at >= end)
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
