//! Score stage: each CV against each criterion, absolutely (0–100 against the profile, never
//! relative to the other CVs), from evidence rather than word counts.
//!
//! Each CV is scored on its own, as it comes out of extraction, by an explainable evidence pass
//! (`evidence`): terms in context, weighted by where they stand, saturating per term, with
//! personal data, pasted postings, keyword blocks and invisible text excluded.

mod evidence;
mod gates;
mod screening;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::analysis::sections::{self, Line, Section};
use crate::facts::{self, YearMonth};
use crate::index::StoredCv;
use crate::lang::EuLanguage;
use crate::profile::{CriterionRule, Profile};
use crate::text::Folded;

pub use evidence::Evidence;
pub use gates::{Eligibility, GateOutcome, GateResult};

/// Characters of invisible text from which a CV is flagged `hidden_text`.
const HIDDEN_TEXT_FLAG_CHARS: u64 = 20;
/// The flag of an application submitted after the deadline (also on rows without a score).
pub const LATE_FLAG: &str = "late";

/// Facts read from a CV, shown in the CSV and used by gates and criteria.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CvFacts {
    /// Years of cybersecurity experience: the union of dated security roles.
    pub years_experience: f64,
    /// The dated security roles counted, with their date text.
    pub security_periods: Vec<(YearMonth, YearMonth, String)>,
    /// The highest degree found.
    pub degree: Option<facts::Degree>,
    /// Language levels found (official EU languages only).
    pub languages: Vec<facts::LanguageSkill>,
    /// Certifications found.
    pub certifications: Vec<String>,
    /// Security clearance found.
    pub clearance: Option<facts::Clearance>,
}

/// One criterion's result for one CV.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionScore {
    /// The criterion id.
    pub id: String,
    /// Sub-score in 0–1.
    pub score: f64,
    /// What earned it.
    pub evidence: Vec<Evidence>,
}

/// A CV's full result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CvScore {
    /// Weighted total, 0–100, one decimal.
    pub score: f64,
    /// Per-criterion results, in profile order.
    pub criteria: Vec<CriterionScore>,
    /// Per-gate results, in profile order.
    pub gates: Vec<GateResult>,
    /// Overall eligibility.
    pub eligible: Eligibility,
    /// Facts read from the CV.
    pub facts: CvFacts,
    /// Warnings for the recruiter: hidden_text, pasted_posting, keyword_block, truncated…
    pub flags: Vec<String>,
}

/// Scores CVs against one profile; compiles the profile's terms once per CV language.
pub struct Scorer<'p> {
    profile: &'p Profile,
    compiled: Mutex<HashMap<Option<EuLanguage>, Arc<evidence::CompiledProfile>>>,
}

impl<'p> Scorer<'p> {
    /// A scorer for `profile`.
    pub fn new(profile: &'p Profile) -> Self {
        Scorer {
            profile,
            compiled: Mutex::new(HashMap::new()),
        }
    }

    fn compiled(&self, language: Option<EuLanguage>) -> Arc<evidence::CompiledProfile> {
        let mut cache = self
            .compiled
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        Arc::clone(
            cache.entry(language).or_insert_with(|| {
                Arc::new(evidence::CompiledProfile::new(self.profile, language))
            }),
        )
    }

    /// Scores one CV. `present` resolves "present/today" in its dates.
    pub fn score(&self, cv: &StoredCv, present: NaiveDate) -> CvScore {
        self.score_lines(cv, &sections::split(&cv.page_texts()), present)
    }

    /// [`Scorer::score`] on the CV's pages already split into lines (language detection needs
    /// the same split).
    pub fn score_lines(&self, cv: &StoredCv, lines: &[Line], present: NaiveDate) -> CvScore {
        let compiled = self.compiled(cv.language);
        let mut analysed = compiled.analyse(lines);
        let mut flags = Vec::new();
        if screening::exclude_pasted_posting(&compiled, &mut analysed) {
            flags.push("pasted_posting".to_string());
        }
        if screening::exclude_keyword_blocks(&compiled, &mut analysed) {
            flags.push("keyword_block".to_string());
        }
        if cv.hidden_chars >= HIDDEN_TEXT_FLAG_CHARS {
            flags.push("hidden_text".to_string());
        }
        if cv.truncated {
            flags.push("truncated".to_string());
        }
        // `present` is the submission date when the export manifest gives one, else the deadline.
        if self.profile.job.is_late(present) {
            flags.push(LATE_FLAG.to_string());
        }
        let present = YearMonth {
            year: present.year(),
            month: present.month(),
        };
        let facts = read_facts(&compiled, &analysed, present);
        let criteria: Vec<CriterionScore> = self
            .profile
            .criteria
            .iter()
            .enumerate()
            .map(|(index, criterion)| {
                let (score, evidence) = match &criterion.rule {
                    CriterionRule::Years { full_marks_years } => {
                        let evidence = facts
                            .security_periods
                            .iter()
                            .map(|(_, _, quote)| Evidence::fact(quote))
                            .collect();
                        (
                            (facts.years_experience / full_marks_years).min(1.0),
                            evidence,
                        )
                    }
                    CriterionRule::Evidence { .. } => {
                        compiled.criterion_score(index, &analysed, &self.profile.scoring)
                    }
                };
                CriterionScore {
                    id: criterion.id.clone(),
                    score,
                    evidence,
                }
            })
            .collect();
        let weighted: f64 = self
            .profile
            .criteria
            .iter()
            .zip(&criteria)
            .map(|(criterion, result)| criterion.weight * result.score)
            .sum();
        let score = (weighted / self.profile.total_weight() * 1000.0).round() / 10.0;
        let gates = gates::evaluate(&self.profile.gates, &facts);
        CvScore {
            score,
            eligible: gates::eligibility(&gates),
            criteria,
            gates,
            facts,
            flags,
        }
    }
}

/// Reads the facts from the scored lines only (no header, no personal data, nothing excluded).
fn read_facts(
    compiled: &evidence::CompiledProfile,
    analysed: &evidence::AnalysedCv,
    present: YearMonth,
) -> CvFacts {
    let text = analysed.scored_text(None);
    // Folded once for the fact readers that search the whole text.
    let folded = Folded::new(&text);
    // Jobs are read from the work-experience section; a CV without recognised headings has none,
    // and then every scored line is searched.
    let experience_lines = Some(analysed.scored_lines(Some(Section::Experience)))
        .filter(|lines| !lines.is_empty())
        .unwrap_or_else(|| analysed.scored_lines(None));
    let experience = analysed.text_of(&experience_lines);
    // Where each of `experience_lines` starts in `experience`.
    let line_starts: Vec<usize> = experience_lines
        .iter()
        .scan(0, |next, &line| {
            let start = *next;
            *next += analysed.lines[line].text.len() + 1;
            Some(start)
        })
        .collect();
    let line_at = |pos: usize| line_starts.partition_point(|&start| start <= pos) - 1;
    let mut security_periods = Vec::new();
    let mut periods = Vec::new();
    for entry in facts::experience_entries(&experience, present) {
        // The job title often stands on the line above its dates: read it with the entry.
        let entry_start = entry.text.as_ptr() as usize - experience.as_ptr() as usize;
        let first = line_at(entry_start).saturating_sub(1);
        let last = line_at(entry_start + entry.text.len().saturating_sub(1));
        if compiled.is_security_role(analysed, &experience_lines[first..=last]) {
            let quote = experience[entry.period.span.clone()].to_string();
            security_periods.push((entry.period.start, entry.period.end, quote));
            periods.push(entry.period);
        }
    }
    let months = facts::union_months(&periods);
    CvFacts {
        years_experience: (f64::from(months) / 12.0 * 10.0).round() / 10.0,
        security_periods,
        degree: facts::degree::highest_degree_in(&folded),
        languages: language_skills(analysed, &folded),
        certifications: facts::certifications::certifications_in(&folded),
        clearance: facts::clearance::clearance_in(&folded),
    }
}

/// Language levels from the languages section, or from the whole CV when that section says
/// nothing (levels written in a summary: "fluent in English and French").
fn language_skills(analysed: &evidence::AnalysedCv, text: &Folded) -> Vec<facts::LanguageSkill> {
    let section = analysed.scored_text(Some(Section::Languages));
    let found = facts::language_skills(&section);
    if found.is_empty() {
        facts::languages::language_skills_in(text)
    } else {
        found
    }
}
