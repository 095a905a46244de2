//! Eligibility gates from the posting's annex: pass, fail, or unknown when the CV does not say.

use serde::{Deserialize, Serialize};

use crate::facts::{Cefr, DegreeLevel};
use crate::profile::{Gate, GateRule};

use super::CvFacts;

/// A gate's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GateOutcome {
    /// The CV shows the condition is met.
    Pass,
    /// The CV shows the condition is not met.
    Fail,
    /// The CV does not say.
    Unknown,
}

impl GateOutcome {
    /// The word written in the CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            GateOutcome::Pass => "pass",
            GateOutcome::Fail => "fail",
            GateOutcome::Unknown => "unknown",
        }
    }
}

/// One gate's verdict and the reason for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GateResult {
    /// The gate id.
    pub id: String,
    /// The verdict.
    pub outcome: GateOutcome,
    /// Why, quoting the CV where possible.
    pub reason: String,
}

/// Overall eligibility: `no` if any gate fails, `yes` if all pass, else `unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Eligibility {
    /// Every gate passes.
    Yes,
    /// Some gate could not be read.
    Unknown,
    /// Some gate fails.
    No,
}

impl Eligibility {
    /// The word written in the CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Eligibility::Yes => "yes",
            Eligibility::Unknown => "unknown",
            Eligibility::No => "no",
        }
    }
}

/// Evaluates every gate on a CV's facts.
pub fn evaluate(gates: &[Gate], facts: &CvFacts) -> Vec<GateResult> {
    gates
        .iter()
        .map(|gate| {
            let (outcome, reason) = match gate.rule {
                GateRule::Degree { min_years } => degree(facts, min_years),
                GateRule::Languages { main, second } => languages(facts, main, second),
            };
            GateResult {
                id: gate.id.clone(),
                outcome,
                reason,
            }
        })
        .collect()
}

/// Combines gate verdicts.
pub fn eligibility(results: &[GateResult]) -> Eligibility {
    if results
        .iter()
        .any(|result| result.outcome == GateOutcome::Fail)
    {
        Eligibility::No
    } else if results
        .iter()
        .all(|result| result.outcome == GateOutcome::Pass)
    {
        Eligibility::Yes
    } else {
        Eligibility::Unknown
    }
}

fn degree(facts: &CvFacts, min_years: u32) -> (GateOutcome, String) {
    match &facts.degree {
        None => (GateOutcome::Unknown, "no degree found".into()),
        Some(degree)
            if degree.nominal_years >= min_years && degree.level >= DegreeLevel::Bachelor =>
        {
            (
                GateOutcome::Pass,
                format!(
                    "{:?} ({} years): {}",
                    degree.level, degree.nominal_years, degree.quote
                ),
            )
        }
        Some(degree) => (
            GateOutcome::Fail,
            format!(
                "highest is {:?} ({} years < {min_years}): {}",
                degree.level, degree.nominal_years, degree.quote
            ),
        ),
    }
}

fn languages(facts: &CvFacts, main: Cefr, second: Cefr) -> (GateOutcome, String) {
    if facts.languages.is_empty() {
        return (GateOutcome::Unknown, "no language levels found".into());
    }
    let listed = facts
        .languages
        .iter()
        .map(|skill| format!("{} {:?}", skill.language, skill.level))
        .collect::<Vec<_>>()
        .join(", ");
    let met = facts.languages.iter().any(|first| {
        first.level >= main
            && facts
                .languages
                .iter()
                .any(|other| other.language != first.language && other.level >= second)
    });
    if met {
        (GateOutcome::Pass, listed)
    } else {
        (
            GateOutcome::Fail,
            format!("needs {main:?} + {second:?}, found {listed}"),
        )
    }
}
