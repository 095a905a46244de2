//! The evidence pass: profile terms compiled for one CV language, matched against the CV's
//! analysed lines with their context rules, and turned into a saturating, capped sub-score
//! with quotes.
//!
//! Each word is kept in two forms: stemmed in the CV's language (so "audyty" meets "audytów")
//! and raw, only lowercased and folded (so a product name or an English loanword matches as
//! written, whatever a Polish or Italian stemmer makes of it). A term matches either way.
//! Overlapping matches ("security audit" and "audit" on the same words) count once, for the
//! longest term, so a language whose profile lists more synonyms earns no more for the same text.

use std::cell::OnceCell;

use foldhash::{HashMap as FastMap, HashSet as FastSet};
use serde::{Deserialize, Serialize};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use crate::analysis::sections::{Line, Section};
use crate::analysis::{self, analyse_phrase, WordForms};
use crate::lang::EuLanguage;
use crate::profile::{CriterionRule, Profile, ScoringRules, Terms};
use crate::text_map::TextMap;

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

/// The two analysers a profile's terms go through, the forms they have made so far, and the
/// number of terms compiled so far.
struct Analysers {
    stemmed: TextAnalyzer,
    raw: TextAnalyzer,
    vocabulary: Vocabulary,
    terms: usize,
}

impl Analysers {
    fn new(language: Option<EuLanguage>) -> Self {
        Analysers {
            stemmed: analysis::analyzer(language),
            raw: analysis::analyzer(None),
            vocabulary: Vocabulary::default(),
            terms: 0,
        }
    }
}

/// The forms of a profile's terms, numbered. A CV's words are numbered in the same space (see
/// [`Forms`]), so that a term is looked up by number, without hashing its words for each CV.
#[derive(Default)]
struct Vocabulary {
    stemmed: FastMap<String, u32>,
    raw: FastMap<String, u32>,
}

/// The same two analysers for a CV's words, taken apart: words are cut once, and each distinct
/// word is stemmed and folded once per CV.
#[derive(Clone)]
struct CvAnalysers {
    words: TextAnalyzer,
    forms: WordForms,
}

/// A term compiled for one language: its words in both forms, and the form in the profile.
#[derive(Debug, Clone)]
struct CompiledTerm {
    /// Its number among the profile's terms (see [`AnalysedCv::find`]).
    id: usize,
    /// Its words' stemmed forms, by number in the profile's [`Vocabulary`].
    stemmed: Vec<u32>,
    /// Its words' raw forms, by number in the profile's [`Vocabulary`].
    raw: Vec<u32>,
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
    analysers: CvAnalysers,
    criteria: Vec<(Vec<CompiledGroup>, f64)>,
    role_terms: Vec<CompiledTerm>,
    /// Number of compiled terms (their ids are below it).
    term_count: usize,
    /// The forms of the compiled terms, numbered.
    vocabulary: Vocabulary,
    /// The words (raw forms) of the posting's distinctive phrases, numbered.
    pub(super) posting_words: FastMap<String, u32>,
    /// Word trigrams (of `posting_words` numbers) of the posting's distinctive phrases.
    pub(super) posting_trigrams: FastSet<[u32; 3]>,
}

fn compile(
    analysers: &mut Analysers,
    terms: &Terms,
    language: Option<EuLanguage>,
) -> Vec<CompiledTerm> {
    terms
        .for_cv(language)
        .into_iter()
        .map(|written| {
            (
                analyse_phrase(&mut analysers.stemmed, written),
                analyse_phrase(&mut analysers.raw, written),
                written,
            )
        })
        .filter(|(stemmed, raw, _)| !stemmed.is_empty() && stemmed.len() == raw.len())
        .map(|(stemmed, raw, written)| {
            let vocabulary = &mut analysers.vocabulary;
            let number = |forms: Vec<String>, numbers: &mut FastMap<String, u32>| -> Vec<u32> {
                forms
                    .into_iter()
                    .map(|form| intern(numbers, form))
                    .collect()
            };
            analysers.terms += 1;
            CompiledTerm {
                id: analysers.terms - 1,
                stemmed: number(stemmed, &mut vocabulary.stemmed),
                raw: number(raw, &mut vocabulary.raw),
                written: written.to_string(),
            }
        })
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
        let mut posting_words = FastMap::default();
        let mut posting_trigrams = FastSet::default();
        for phrase in &profile.posting_phrases {
            let words: Vec<u32> = analyse_phrase(&mut analysers.raw, phrase)
                .into_iter()
                .map(|word| intern(&mut posting_words, word))
                .collect();
            for window in words.windows(3) {
                posting_trigrams.insert([window[0], window[1], window[2]]);
            }
        }
        CompiledProfile {
            analysers: CvAnalysers {
                words: analysis::words_analyzer(),
                forms: WordForms::new(language),
            },
            criteria,
            role_terms,
            term_count: analysers.terms,
            vocabulary: analysers.vocabulary,
            posting_words,
            posting_trigrams,
        }
    }

    /// Analyses a CV's lines into one word stream that remembers each word's line.
    pub fn analyse<'a>(&self, lines: &'a [Line<'a>]) -> AnalysedCv<'a> {
        let CvAnalysers {
            words: mut cutter,
            mut forms,
        } = self.analysers.clone();
        let mut cv = AnalysedCv {
            lines,
            words: Vec::new(),
            stemmed: Forms::numbered_after(&self.vocabulary.stemmed),
            raw: Forms::numbered_after(&self.vocabulary.raw),
            found: std::iter::repeat_with(OnceCell::new)
                .take(self.term_count)
                .collect(),
            excluded: vec![false; lines.len()],
        };
        // Lowercased word → its (stemmed, raw) form numbers.
        let mut known: TextMap<(u32, u32)> = TextMap::default();
        for (line_index, line) in lines.iter().enumerate() {
            let mut stream = cutter.token_stream(line.text);
            while stream.advance() {
                let token = stream.token();
                let (stemmed, raw) = known.get_or_insert_with(&token.text, || {
                    forms.of(&token.text, |stemmed, raw| {
                        (
                            cv.stemmed.number(stemmed, &self.vocabulary.stemmed),
                            cv.raw.number(raw, &self.vocabulary.raw),
                        )
                    })
                });
                cv.words.push(Word {
                    stemmed,
                    raw,
                    line: line_index,
                    start: token.offset_from,
                    end: token.offset_to,
                });
            }
        }
        cv.stemmed
            .note_words(cv.words.iter().map(|word| word.stemmed));
        cv.raw.note_words(cv.words.iter().map(|word| word.raw));
        cv
    }

    /// Whether an experience entry, the CV lines `entry` read as one text, describes a
    /// cybersecurity role.
    pub fn is_security_role(&self, cv: &AnalysedCv, entry: &[usize]) -> bool {
        let words: Vec<&Word> = entry.iter().flat_map(|&line| cv.line_words(line)).collect();
        // A term occurs only where its first word does: one lookup rules most terms out before
        // a scan of the entry's words.
        let present = |form: fn(&Word) -> u32| -> Vec<u32> {
            let mut forms: Vec<u32> = words.iter().map(|&word| form(word)).collect();
            forms.sort_unstable();
            forms.dedup();
            forms
        };
        let (stemmed, raw) = (present(|word| word.stemmed), present(|word| word.raw));
        let starts_in = |wanted: &[u32], forms: &[u32]| {
            wanted
                .first()
                .is_some_and(|first| forms.binary_search(first).is_ok())
        };
        self.role_terms.iter().any(|term| {
            (starts_in(&term.stemmed, &stemmed) || starts_in(&term.raw, &raw))
                && cv.occurs_in(term, &words)
        })
    }

    /// Matched occurrences of a criterion's terms that its context rules allow, overlapping ones
    /// reduced to the longest: (term as written, first word, word count).
    fn occurrences(&self, criterion: usize, cv: &AnalysedCv) -> Vec<(&str, usize, usize)> {
        let mut found = Vec::new();
        for group in &self.criteria[criterion].0 {
            for term in &group.terms {
                for &start in cv.find(term) {
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
                        found.push((term.written.as_str(), start, term.len()));
                    }
                }
            }
        }
        found.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0)));
        let mut kept: Vec<(&str, usize, usize)> = Vec::new();
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
        let mut per_term: FastMap<&str, (f64, usize, Evidence)> = FastMap::default();
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
                term: written.to_string(),
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
    pub(super) fn raw_matches(&self, criterion: usize, cv: &AnalysedCv) -> Vec<(&str, usize)> {
        self.criteria[criterion]
            .0
            .iter()
            .flat_map(|group| group.terms.iter())
            .flat_map(|term| {
                cv.find(term)
                    .iter()
                    .map(move |&start| (term.written.as_str(), start))
            })
            .collect()
    }
}

/// Adds `form` to the numbered `forms` if new; its number.
fn intern(forms: &mut FastMap<String, u32>, form: String) -> u32 {
    let next = u32::try_from(forms.len()).expect("fewer than 2^32 distinct words");
    *forms.entry(form).or_insert(next)
}

/// One analysed word and where it came from.
#[derive(Debug, Clone)]
pub(super) struct Word {
    /// Number of its stemmed form in [`AnalysedCv::stemmed`].
    stemmed: u32,
    /// Number of its raw form in [`AnalysedCv::raw`].
    pub(super) raw: u32,
    pub(super) line: usize,
    start: usize,
    end: usize,
}

/// The distinct forms of one kind (stemmed or raw) of a CV's words, numbered, and the words
/// where each occurs. A form of the profile's terms keeps its number in the profile's
/// vocabulary; the CV's other forms are numbered after them.
pub(super) struct Forms {
    /// Form → its number, for every form of the CV.
    numbers: TextMap<u32>,
    /// How many numbers there are: the vocabulary's, then the CV's other forms.
    count: u32,
    /// By form number, where its words start in `words` (and, one number on, end).
    starts: Vec<u32>,
    /// The indices of the words of each form, form after form, each form's ascending.
    words: Vec<usize>,
}

impl Forms {
    /// No forms yet, numbered after those of `vocabulary`.
    fn numbered_after(vocabulary: &FastMap<String, u32>) -> Forms {
        Forms {
            numbers: TextMap::default(),
            count: u32::try_from(vocabulary.len()).expect("fewer than 2^32 profile words"),
            starts: Vec::new(),
            words: Vec::new(),
        }
    }

    /// The number of `form`: its number in the profile's `vocabulary`, else its own, numbered
    /// now if new.
    fn number(&mut self, form: &str, vocabulary: &FastMap<String, u32>) -> u32 {
        let count = &mut self.count;
        self.numbers.get_or_insert_with(form, || {
            vocabulary.get(form).copied().unwrap_or_else(|| {
                *count = count
                    .checked_add(1)
                    .expect("fewer than 2^32 distinct words");
                *count - 1
            })
        })
    }

    /// Notes where each form occurs, given every word's form number in word order: all the
    /// words' indices in one list, grouped by form (two allocations, not one per form).
    fn note_words(&mut self, form_of_each_word: impl Iterator<Item = u32> + Clone) {
        let mut starts = vec![0u32; self.count as usize + 1];
        for form in form_of_each_word.clone() {
            starts[form as usize + 1] += 1;
        }
        for number in 1..starts.len() {
            starts[number] += starts[number - 1];
        }
        let mut next = starts.clone();
        let word_count = starts.last().copied().unwrap_or(0) as usize;
        self.words = vec![0; word_count];
        for (index, form) in form_of_each_word.enumerate() {
            let slot = &mut next[form as usize];
            self.words[*slot as usize] = index;
            *slot += 1;
        }
        self.starts = starts;
    }

    /// The indices of the words of form `number`, ascending (none for a profile form the CV
    /// lacks).
    fn words_of(&self, number: u32) -> &[usize] {
        let number = number as usize;
        &self.words[self.starts[number] as usize..self.starts[number + 1] as usize]
    }

    /// By form number, the number of the same form in `vocabulary`, if it has it.
    pub(super) fn numbers_in(&self, vocabulary: &FastMap<String, u32>) -> Vec<Option<u32>> {
        let mut out = vec![None; self.count as usize];
        for (form, number) in self.numbers.iter() {
            out[number as usize] = vocabulary.get(form).copied();
        }
        out
    }
}

/// A CV's lines and their analysed words, with the lines excluded by screening.
pub struct AnalysedCv<'a> {
    pub(super) lines: &'a [Line<'a>],
    /// The words of every line, in order.
    pub(super) words: Vec<Word>,
    /// The stemmed forms of the words.
    stemmed: Forms,
    /// The raw forms of the words.
    pub(super) raw: Forms,
    /// By term id, where the term occurs (see [`AnalysedCv::find`]), once asked.
    found: Vec<OnceCell<Vec<usize>>>,
    /// Lines whose words earn nothing (pasted posting, keyword blocks).
    pub(super) excluded: Vec<bool>,
}

impl<'a> AnalysedCv<'a> {
    /// The words of line `line`.
    fn line_words(&self, line: usize) -> &[Word] {
        let from = self.words.partition_point(|word| word.line < line);
        let to = self.words.partition_point(|word| word.line <= line);
        &self.words[from..to]
    }

    /// Word indices where `term` occurs, stemmed or as written, within one line.
    fn find(&self, term: &CompiledTerm) -> &[usize] {
        self.found[term.id].get_or_init(|| self.search(term))
    }

    /// [`AnalysedCv::find`] without the memo.
    fn search(&self, term: &CompiledTerm) -> Vec<usize> {
        let mut starts = self.find_form(&term.stemmed, &self.stemmed, |word| word.stemmed);
        starts.extend(self.find_form(&term.raw, &self.raw, |word| word.raw));
        starts.sort_unstable();
        starts.dedup();
        starts
    }

    /// Word indices where the forms `wanted` occur in a row, within one line.
    fn find_form(&self, wanted: &[u32], forms: &Forms, form: impl Fn(&Word) -> u32) -> Vec<usize> {
        let Some(&first) = wanted.first() else {
            return Vec::new();
        };
        forms
            .words_of(first)
            .iter()
            .copied()
            .filter(|&start| {
                let Some(span) = self.words.get(start..start + wanted.len()) else {
                    return false;
                };
                span.iter()
                    .zip(wanted)
                    .all(|(word, &wanted)| form(word) == wanted)
                    && span.iter().all(|word| word.line == span[0].line)
            })
            .collect()
    }

    /// Whether `term` occurs, stemmed or as written, in the run of `words` (lines ignored).
    fn occurs_in(&self, term: &CompiledTerm, words: &[&Word]) -> bool {
        let in_a_row = |wanted: &[u32], form: fn(&Word) -> u32| {
            !wanted.is_empty()
                && words.windows(wanted.len()).any(|span| {
                    span.iter()
                        .zip(wanted)
                        .all(|(word, &wanted)| form(word) == wanted)
                })
        };
        in_a_row(&term.stemmed, |word| word.stemmed) || in_a_row(&term.raw, |word| word.raw)
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
        self.find(term).iter().any(|&at| {
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

    /// The lines that may be read for facts; only those of `section` when one is given.
    pub fn scored_lines(&self, section: Option<Section>) -> Vec<usize> {
        (0..self.lines.len())
            .filter(|&index| {
                let line = &self.lines[index];
                line.section.is_scored()
                    && !self.excluded[index]
                    && section.is_none_or(|wanted| line.section == wanted)
            })
            .collect()
    }

    /// The text of `lines`, one per line.
    pub fn text_of(&self, lines: &[usize]) -> String {
        lines
            .iter()
            .map(|&index| self.lines[index].text)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The text of the lines that may be read for facts, one per line; only those of `section`
    /// when one is given.
    pub fn scored_text(&self, section: Option<Section>) -> String {
        self.text_of(&self.scored_lines(section))
    }
}
