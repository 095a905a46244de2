//! `cvmatch explain FILE`: the full reasoning behind one CV's score, for the recruiter and for
//! the candidate's right to an explanation. Scores are absolute, so scoring the CV alone in a
//! throw-away index gives exactly the score it gets in a batch run.

use std::fmt::Write;

use crate::app::{self, Processed};
use crate::cli::ExplainArgs;
use crate::config::ScoringConfig;
use crate::error::{FatalError, EXIT_OK};
use crate::index::CvIndex;
use crate::ingest::{self, Inputs};
use crate::report::Row;
use crate::score::CvScore;

/// Extracts and scores one file, then prints every criterion, gate, fact and quote.
pub fn run(args: &ExplainArgs) -> Result<i32, FatalError> {
    let scoring = ScoringConfig::from_args(&args.scoring)?;
    let submitted_at = match &args.submitted_at {
        None => None,
        Some(date) => Some(
            chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
                .map_err(|_| FatalError::Input {
                    path: "--submitted-at".into(),
                    reason: format!("{date:?} is not a date written YYYY-MM-DD"),
                })?
                .and_hms_opt(12, 0, 0)
                .expect("noon exists")
                .and_utc()
                .fixed_offset(),
        ),
    };
    let display = args.file.display().to_string();
    let mut inputs = Inputs::new("");
    inputs.push_file(&args.file, &display, submitted_at);
    let prepared = ingest::prepare(&inputs, scoring.max_file_bytes);
    let mut index = CvIndex::in_memory()?;
    let Processed { rows, results, .. } =
        app::process(&mut index, &inputs, &prepared, &scoring, |_| {})?;
    let row = &rows[0];
    let score = results
        .score(row.input.key())
        .map_err(|error| FatalError::io(&args.file, error))?;
    let mut out = String::new();
    write_explanation(&mut out, &scoring, row, score.as_ref())
        .expect("writing to a String cannot fail");
    super::print(&out)?;
    Ok(EXIT_OK)
}

fn write_explanation(
    out: &mut String,
    scoring: &ScoringConfig,
    row: &Row,
    score: Option<&CvScore>,
) -> std::fmt::Result {
    let profile = &scoring.profile;
    writeln!(out, "{}", row.input.display())?;
    writeln!(
        out,
        "  profile: {} ({}), sha256 {}",
        profile.job.reference,
        profile.source,
        &profile.sha256[..12]
    )?;
    writeln!(
        out,
        "  status: {}{}",
        row.status,
        if row.detail.is_empty() {
            String::new()
        } else {
            format!(" ({})", row.detail)
        }
    )?;
    writeln!(
        out,
        "  language: {}",
        row.language.map_or("unknown", |language| language.code())
    )?;
    let Some(score) = score else {
        return Ok(());
    };
    writeln!(
        out,
        "  score: {:.1} / 100   eligible: {}",
        score.score,
        score.eligible.as_str()
    )?;
    if !score.flags.is_empty() {
        writeln!(out, "  flags: {}", score.flags.join(", "))?;
    }
    writeln!(out, "\nGates")?;
    for (gate, result) in profile.gates.iter().zip(&score.gates) {
        writeln!(
            out,
            "  {:<8} {} — {}",
            result.outcome.as_str(),
            gate.label,
            result.reason
        )?;
    }
    writeln!(out, "\nFacts")?;
    writeln!(
        out,
        "  cybersecurity experience: {:.1} years",
        score.facts.years_experience
    )?;
    for (start, end, quote) in &score.facts.security_periods {
        writeln!(
            out,
            "    {:04}-{:02} → {:04}-{:02}  \"{quote}\"",
            start.year, start.month, end.year, end.month
        )?;
    }
    match &score.facts.degree {
        Some(degree) => writeln!(
            out,
            "  degree: {:?}, {} years: \"{}\"",
            degree.level, degree.nominal_years, degree.quote
        )?,
        None => writeln!(out, "  degree: none found")?,
    }
    for skill in &score.facts.languages {
        writeln!(
            out,
            "  language: {} {:?}: \"{}\"",
            skill.language, skill.level, skill.quote
        )?;
    }
    if !score.facts.certifications.is_empty() {
        writeln!(
            out,
            "  certifications: {}",
            score.facts.certifications.join(", ")
        )?;
    }
    if let Some(clearance) = &score.facts.clearance {
        writeln!(
            out,
            "  clearance: {:?}: \"{}\"",
            clearance.status, clearance.quote
        )?;
    }
    writeln!(out, "\nCriteria (weight × sub-score)")?;
    for (criterion, result) in profile.criteria.iter().zip(&score.criteria) {
        writeln!(
            out,
            "  {:>5.1} × {:>3.0}%  {} — {}",
            criterion.weight,
            result.score * 100.0,
            criterion.id,
            criterion.label
        )?;
        for evidence in &result.evidence {
            let place = if evidence.page == 0 {
                String::new()
            } else {
                format!("p{} {}, ", evidence.page, evidence.section)
            };
            writeln!(
                out,
                "          \"{}\" ({place}term \"{}\", {:.2} points)",
                evidence.quote, evidence.term, evidence.points
            )?;
        }
    }
    Ok(())
}
