//! The profile file as written (serde with spans), and its validation into [`Profile`].

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::{
    Criterion, CriterionRule, EvidenceGroup, Gate, GateRule, Job, Profile, ScoringRules, Terms,
};
use crate::error::FatalError;
use crate::facts::Cefr;
use crate::lang::EuLanguage;

type RawTerms = BTreeMap<String, Spanned<Vec<String>>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    job: RawJob,
    #[serde(default)]
    experience: RawExperience,
    #[serde(default)]
    screening: RawScreening,
    #[serde(default)]
    scoring: RawScoring,
    #[serde(default, rename = "gate")]
    gates: Vec<RawGate>,
    #[serde(rename = "criterion")]
    criteria: Spanned<Vec<RawCriterion>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawJob {
    reference: String,
    title: String,
    deadline: Spanned<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawExperience {
    #[serde(default)]
    role_terms: RawTerms,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawScreening {
    #[serde(default)]
    posting_phrases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawScoring {
    experience_weight: f64,
    other_weight: f64,
    outside_experience_cap: Spanned<f64>,
    repeat_bonus: f64,
    max_repeats: usize,
    unconfirmed_eligibility_penalty: f64,
}

impl Default for RawScoring {
    fn default() -> Self {
        RawScoring {
            experience_weight: 1.0,
            other_weight: 0.5,
            outside_experience_cap: Spanned::new(0..0, 0.5),
            repeat_bonus: 0.1,
            max_repeats: 2,
            unconfirmed_eligibility_penalty: 10.0,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGate {
    id: Spanned<String>,
    label: String,
    kind: Spanned<String>,
    min_years: Option<u32>,
    main: Option<Spanned<String>>,
    second: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    id: Spanned<String>,
    label: String,
    weight: Spanned<f64>,
    #[serde(default)]
    kind: Option<Spanned<String>>,
    full_marks_years: Option<f64>,
    full_marks_at: Option<f64>,
    #[serde(default)]
    evidence: Vec<RawEvidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvidence {
    terms: RawTerms,
    #[serde(default)]
    near: RawTerms,
    #[serde(default)]
    not_near: RawTerms,
    #[serde(default = "default_window")]
    window: usize,
}

fn default_window() -> usize {
    8
}

/// Turns byte spans into "file:line: reason" errors.
struct Reporter<'a> {
    text: &'a str,
    source: &'a str,
}

impl Reporter<'_> {
    fn error(&self, span: Range<usize>, reason: impl Into<String>) -> FatalError {
        let offset = span.start.min(self.text.len());
        let line = if span == (0..0) {
            0
        } else {
            self.text[..offset].matches('\n').count() + 1
        };
        FatalError::Profile {
            path: self.source.into(),
            line,
            reason: reason.into(),
        }
    }
}

/// Parses and validates; the returned profile's `sha256` is filled in by the caller.
pub(super) fn parse(text: &str, source: &str) -> Result<Profile, FatalError> {
    let report = Reporter { text, source };
    let raw: RawProfile = toml::from_str(text).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        let reason = error.message().trim().to_string();
        report.error(span, reason)
    })?;

    let deadline = chrono::NaiveDate::parse_from_str(raw.job.deadline.get_ref(), "%Y-%m-%d")
        .map_err(|_| {
            report.error(
                raw.job.deadline.span(),
                "deadline must be a date written YYYY-MM-DD",
            )
        })?;

    let mut seen_ids = HashSet::new();
    let mut check_id = |id: &Spanned<String>| -> Result<String, FatalError> {
        let value = id.get_ref();
        if value.is_empty() || !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(report.error(
                id.span(),
                format!("id {value:?} must be letters, digits and underscores"),
            ));
        }
        if !seen_ids.insert(value.clone()) {
            return Err(report.error(id.span(), format!("duplicated id {value:?}")));
        }
        Ok(value.clone())
    };

    let mut gates = Vec::new();
    for gate in &raw.gates {
        let id = check_id(&gate.id)?;
        let rule = match gate.kind.get_ref().as_str() {
            "degree" => GateRule::Degree {
                min_years: gate.min_years.unwrap_or(3),
            },
            "languages" => GateRule::Languages {
                main: cefr(&report, gate.main.as_ref(), Cefr::C1)?,
                second: cefr(&report, gate.second.as_ref(), Cefr::B2)?,
            },
            other => {
                return Err(report.error(
                    gate.kind.span(),
                    format!("unknown gate kind {other:?} (expected \"degree\" or \"languages\")"),
                ))
            }
        };
        gates.push(Gate {
            id,
            label: gate.label.clone(),
            rule,
        });
    }

    let mut criteria = Vec::new();
    for criterion in raw.criteria.get_ref() {
        let id = check_id(&criterion.id)?;
        let weight = *criterion.weight.get_ref();
        if !weight.is_finite() || weight < 0.0 {
            return Err(report.error(
                criterion.weight.span(),
                format!("weight of {id:?} must be zero or positive"),
            ));
        }
        let kind = criterion
            .kind
            .as_ref()
            .map_or("evidence", |kind| kind.get_ref().as_str());
        let rule = match kind {
            "years" => CriterionRule::Years {
                full_marks_years: positive(
                    &report,
                    &criterion.weight,
                    criterion.full_marks_years.unwrap_or(6.0),
                    "full_marks_years",
                )?,
            },
            "evidence" => {
                let mut groups = Vec::new();
                for evidence in &criterion.evidence {
                    let terms = parse_terms(&report, &evidence.terms)?;
                    if terms.is_empty() {
                        return Err(report.error(
                            criterion.id.span(),
                            format!("criterion {id:?} has an evidence group without terms"),
                        ));
                    }
                    groups.push(EvidenceGroup {
                        terms,
                        near: parse_terms(&report, &evidence.near)?,
                        not_near: parse_terms(&report, &evidence.not_near)?,
                        window: evidence.window.max(1),
                    });
                }
                if groups.is_empty() {
                    return Err(report.error(criterion.id.span(), format!("criterion {id:?} has no terms ([[criterion.evidence]] with terms.<lang>)")));
                }
                CriterionRule::Evidence {
                    full_marks_at: positive(
                        &report,
                        &criterion.weight,
                        criterion.full_marks_at.unwrap_or(3.0),
                        "full_marks_at",
                    )?,
                    groups,
                }
            }
            other => {
                let span = criterion
                    .kind
                    .as_ref()
                    .map_or(criterion.id.span(), Spanned::span);
                return Err(report.error(
                    span,
                    format!(
                        "unknown criterion kind {other:?} (expected \"evidence\" or \"years\")"
                    ),
                ));
            }
        };
        criteria.push(Criterion {
            id,
            label: criterion.label.clone(),
            weight,
            rule,
        });
    }
    let total: f64 = criteria.iter().map(|criterion| criterion.weight).sum();
    if total <= 0.0 {
        return Err(report.error(
            raw.criteria.span(),
            "the criteria weights must add up to more than zero",
        ));
    }

    let cap = *raw.scoring.outside_experience_cap.get_ref();
    if !(0.0..=1.0).contains(&cap) {
        return Err(report.error(
            raw.scoring.outside_experience_cap.span(),
            "outside_experience_cap must be between 0 and 1",
        ));
    }

    Ok(Profile {
        source: source.to_string(),
        sha256: String::new(),
        job: Job {
            reference: raw.job.reference,
            title: raw.job.title,
            deadline,
        },
        role_terms: parse_terms(&report, &raw.experience.role_terms)?,
        posting_phrases: raw.screening.posting_phrases,
        scoring: ScoringRules {
            experience_weight: raw.scoring.experience_weight,
            other_weight: raw.scoring.other_weight,
            outside_experience_cap: cap,
            repeat_bonus: raw.scoring.repeat_bonus,
            max_repeats: raw.scoring.max_repeats,
            unconfirmed_eligibility_penalty: raw.scoring.unconfirmed_eligibility_penalty,
        },
        gates,
        criteria,
    })
}

fn cefr(
    report: &Reporter,
    value: Option<&Spanned<String>>,
    default: Cefr,
) -> Result<Cefr, FatalError> {
    let Some(value) = value else {
        return Ok(default);
    };
    let level = match value.get_ref().trim().to_ascii_uppercase().as_str() {
        "A1" => Some(Cefr::A1),
        "A2" => Some(Cefr::A2),
        "B1" => Some(Cefr::B1),
        "B2" => Some(Cefr::B2),
        "C1" => Some(Cefr::C1),
        "C2" => Some(Cefr::C2),
        _ => None,
    };
    level.ok_or_else(|| {
        report.error(
            value.span(),
            format!("{:?} is not a CEFR level (A1 … C2)", value.get_ref()),
        )
    })
}

fn positive(
    report: &Reporter,
    near: &Spanned<f64>,
    value: f64,
    name: &str,
) -> Result<f64, FatalError> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(report.error(near.span(), format!("{name} must be positive")))
    }
}

fn parse_terms(report: &Reporter, raw: &RawTerms) -> Result<Terms, FatalError> {
    let mut pairs = Vec::new();
    for (language, list) in raw {
        let key = if language == "all" {
            None
        } else {
            Some(EuLanguage::from_code(language).ok_or_else(|| {
                report.error(
                    list.span(),
                    format!("unknown language code {language:?} (use an official EU language's ISO 639-1 code, or \"all\")"),
                )
            })?)
        };
        for term in list.get_ref() {
            if term.trim().is_empty() {
                return Err(report.error(list.span(), "empty term"));
            }
            pairs.push((key, term.trim().to_string()));
        }
    }
    Ok(Terms::from_pairs(pairs))
}
