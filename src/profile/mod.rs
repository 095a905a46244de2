//! Profile stage: a recruiter-editable TOML file → validated gates and weighted criteria.
//!
//! Every rule about meaning lives in the profile, not in code: the terms per language, the
//! context a term needs ("audit" near "ISO 27001") and the context that disqualifies it
//! ("financial audit"). Errors name the file, the line and the reason.

mod raw;
mod terms;

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::FatalError;
use crate::facts::Cefr;

pub use terms::Terms;

/// Where the shipped profile lives, relative to the working directory.
pub const DEFAULT_PROFILE_PATH: &str = "profiles/cert-eu-it-security-officer.toml";
/// The shipped profile, built into the binary so that `cvmatch run` works from any folder.
pub const EMBEDDED_PROFILE: &str = include_str!("../../profiles/cert-eu-it-security-officer.toml");

/// A validated job profile.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Where it came from (a path, or "embedded:…").
    pub source: String,
    /// SHA-256 of the profile text, recorded in the run manifest for reproducibility.
    pub sha256: String,
    /// The posting this profile encodes.
    pub job: Job,
    /// Words that make a dated job a cybersecurity role (for years of experience).
    pub role_terms: Terms,
    /// Distinctive sentences of the posting: a CV that pastes them is flagged.
    pub posting_phrases: Vec<String>,
    /// How evidence turns into points.
    pub scoring: ScoringRules,
    /// Eligibility gates (pass / fail / unknown), never weighted.
    pub gates: Vec<Gate>,
    /// Weighted criteria that make up the 0–100 score.
    pub criteria: Vec<Criterion>,
}

/// The posting's identity and its reference date.
#[derive(Debug, Clone)]
pub struct Job {
    /// The call's reference (e.g. EC/2026/DIGIT/504595).
    pub reference: String,
    /// The job title.
    pub title: String,
    /// Application deadline: "present" in CVs means this day unless the manifest says otherwise.
    pub deadline: chrono::NaiveDate,
}

impl Job {
    /// Whether an application submitted on `day` (in its own time zone) came after the
    /// deadline; the deadline day itself is in time.
    pub fn is_late(&self, day: chrono::NaiveDate) -> bool {
        day > self.deadline
    }
}

/// Points per piece of evidence, by where in the CV it stands.
#[derive(Debug, Clone, Copy)]
pub struct ScoringRules {
    /// Weight of a term inside a dated work-experience entry.
    pub experience_weight: f64,
    /// Weight of a term anywhere else (skills lists, education, summary).
    pub other_weight: f64,
    /// Share of a criterion's full marks that evidence outside dated jobs can earn at most.
    pub outside_experience_cap: f64,
    /// Extra weight per repetition of the same term (saturating).
    pub repeat_bonus: f64,
    /// Repetitions of one term that still add the bonus.
    pub max_repeats: usize,
    /// Points a CV whose eligibility cannot be confirmed from its text ranks behind: it is
    /// placed as if it scored this much less (its score is unchanged). Ineligible CVs rank last.
    pub unconfirmed_eligibility_penalty: f64,
}

/// An eligibility condition from the posting's annex.
#[derive(Debug, Clone)]
pub struct Gate {
    /// Column-safe identifier.
    pub id: String,
    /// What the gate checks, for the report.
    pub label: String,
    /// The condition.
    pub rule: GateRule,
}

/// The conditions a gate can check.
#[derive(Debug, Clone, Copy)]
pub enum GateRule {
    /// A university degree of at least this many nominal years of study.
    Degree {
        /// Minimum nominal years of study.
        min_years: u32,
    },
    /// One official language at `main` or better and another at `second` or better.
    Languages {
        /// Level required in the best language.
        main: Cefr,
        /// Level required in a second, different language.
        second: Cefr,
    },
}

/// A weighted requirement.
#[derive(Debug, Clone)]
pub struct Criterion {
    /// Column-safe identifier.
    pub id: String,
    /// What the criterion rewards, for the report.
    pub label: String,
    /// Relative weight in the total score.
    pub weight: f64,
    /// How its sub-score is computed.
    pub rule: CriterionRule,
}

/// How a criterion's 0–1 sub-score is computed.
#[derive(Debug, Clone)]
pub enum CriterionRule {
    /// Years of cybersecurity experience from dated jobs, full marks at `full_marks_years`.
    Years {
        /// Years that earn the full sub-score.
        full_marks_years: f64,
    },
    /// Matched evidence terms, full marks at `full_marks_at` points.
    Evidence {
        /// Points that earn the full sub-score.
        full_marks_at: f64,
        /// Groups of terms sharing context rules.
        groups: Vec<EvidenceGroup>,
    },
}

/// Terms that count as evidence when their context allows it.
#[derive(Debug, Clone)]
pub struct EvidenceGroup {
    /// The terms (words or phrases) per language.
    pub terms: Terms,
    /// When non-empty, one of these must stand within `window` words of the term.
    pub near: Terms,
    /// None of these may stand within `window` words of the term.
    pub not_near: Terms,
    /// Context window, in words on either side.
    pub window: usize,
}

impl Profile {
    /// Loads and validates a profile file.
    pub fn load(path: &Path) -> Result<Profile, FatalError> {
        let text = std::fs::read_to_string(path).map_err(|error| FatalError::io(path, error))?;
        Profile::parse(&text, &path.display().to_string())
    }

    /// The profile to use when none is named: the shipped file if present, else the built-in copy.
    pub fn load_default() -> Result<Profile, FatalError> {
        let path = Path::new(DEFAULT_PROFILE_PATH);
        if path.is_file() {
            Profile::load(path)
        } else {
            Profile::parse(
                EMBEDDED_PROFILE,
                &format!("embedded:{DEFAULT_PROFILE_PATH}"),
            )
        }
    }

    /// Loads `path` when given, else [`Profile::load_default`].
    pub fn load_or_default(path: Option<&Path>) -> Result<Profile, FatalError> {
        match path {
            Some(path) => Profile::load(path),
            None => Profile::load_default(),
        }
    }

    /// Parses and validates profile text; `source` names it in errors.
    pub fn parse(text: &str, source: &str) -> Result<Profile, FatalError> {
        let mut profile = raw::parse(text, source)?;
        profile.sha256 = format!("{:x}", Sha256::digest(text.as_bytes()));
        Ok(profile)
    }

    /// Sum of the criteria weights (positive after validation).
    pub fn total_weight(&self) -> f64 {
        self.criteria.iter().map(|criterion| criterion.weight).sum()
    }
}

#[cfg(test)]
mod tests;
