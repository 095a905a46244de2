//! The shortlist CSV: one row per input file, ranked rows first, every failure listed.
//! No cell can start a spreadsheet formula (OWASP CSV injection): a text cell starting with
//! `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe.

use std::io::Write;
use std::path::Path;

use super::{atomic, Row};
use crate::error::FatalError;
use crate::profile::Profile;
use crate::score::{CvScore, GateOutcome};

/// Evidence quotes kept per criterion in the CSV (`cvmatch explain` shows all).
const QUOTES_PER_CRITERION: usize = 3;

/// The fixed leading columns.
pub const FIXED_COLUMNS: [&str; 15] = [
    "rank",
    "file",
    "candidate_id",
    "score",
    "status",
    "language",
    "eligible",
    "eligibility_reasons",
    "years_experience",
    "degree",
    "languages",
    "certifications",
    "clearance",
    "flags",
    "submitted_at",
];

/// Writes the shortlist atomically.
pub fn write(
    path: &Path,
    profile: &Profile,
    passthrough_columns: &[String],
    rows: &[Row],
) -> Result<(), FatalError> {
    atomic::write(path, |out| {
        write_to(out, profile, passthrough_columns, rows)
    })
}

/// Writes the shortlist to any writer (used by tests and by [`write`]).
pub fn write_to(
    out: &mut dyn Write,
    profile: &Profile,
    passthrough_columns: &[String],
    rows: &[Row],
) -> std::io::Result<()> {
    let mut writer = csv::WriterBuilder::new().from_writer(out);
    let mut header: Vec<String> = FIXED_COLUMNS
        .iter()
        .map(|column| column.to_string())
        .collect();
    header.extend(profile.gates.iter().map(|gate| format!("gate_{}", gate.id)));
    header.extend(
        profile
            .criteria
            .iter()
            .map(|criterion| criterion.id.clone()),
    );
    header.push("evidence".into());
    header.push("detail".into());
    header.extend(passthrough_columns.iter().map(|column| sanitise(column)));
    writer.write_record(&header)?;

    let mut ordered: Vec<&Row> = rows.iter().collect();
    ordered.sort_by(|a, b| match (a.rank, b.rank) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.input.display.cmp(&b.input.display),
    });
    for row in ordered {
        writer.write_record(record(profile, row).iter().map(|cell| sanitise(cell)))?;
    }
    writer.flush()
}

fn record(profile: &Profile, row: &Row) -> Vec<String> {
    let score = row.score.as_ref();
    let mut cells = vec![
        row.rank.map(|rank| rank.to_string()).unwrap_or_default(),
        row.input.display.clone(),
        if row.input.submitted_at.is_some() {
            row.input.key.clone()
        } else {
            String::new()
        },
        score.map(|s| format!("{:.1}", s.score)).unwrap_or_default(),
        row.status.as_str().to_string(),
        row.language
            .map_or("unknown", |language| language.code())
            .to_string(),
        score
            .map(|s| s.eligible.as_str().to_string())
            .unwrap_or_default(),
        score.map(eligibility_reasons).unwrap_or_default(),
        score
            .map(|s| format!("{:.1}", s.facts.years_experience))
            .unwrap_or_default(),
        score
            .and_then(|s| s.facts.degree.as_ref())
            .map(|degree| format!("{:?} ({} y)", degree.level, degree.nominal_years))
            .unwrap_or_default(),
        score
            .map(|s| {
                s.facts
                    .languages
                    .iter()
                    .map(|skill| format!("{} {:?}", skill.language, skill.level))
                    .collect::<Vec<_>>()
                    .join("; ")
            })
            .unwrap_or_default(),
        score
            .map(|s| s.facts.certifications.join("; "))
            .unwrap_or_default(),
        score
            .and_then(|s| s.facts.clearance.as_ref())
            .map(|clearance| format!("{:?}: {}", clearance.status, clearance.quote))
            .unwrap_or_default(),
        score.map(|s| s.flags.join(";")).unwrap_or_default(),
        row.input
            .submitted_at
            .map(|at| at.to_rfc3339())
            .unwrap_or_default(),
    ];
    for (index, _) in profile.gates.iter().enumerate() {
        cells.push(
            score
                .map(|s| s.gates[index].outcome.as_str().to_string())
                .unwrap_or_default(),
        );
    }
    for (index, _) in profile.criteria.iter().enumerate() {
        cells.push(
            score
                .map(|s| format!("{:.0}", s.criteria[index].score * 100.0))
                .unwrap_or_default(),
        );
    }
    cells.push(score.map(evidence_summary).unwrap_or_default());
    cells.push(row.detail.clone());
    cells.extend(row.input.passthrough.iter().cloned());
    cells
}

fn eligibility_reasons(score: &CvScore) -> String {
    score
        .gates
        .iter()
        .filter(|gate| gate.outcome != GateOutcome::Pass)
        .map(|gate| format!("{}: {} ({})", gate.id, gate.outcome.as_str(), gate.reason))
        .collect::<Vec<_>>()
        .join("; ")
}

fn evidence_summary(score: &CvScore) -> String {
    score
        .criteria
        .iter()
        .filter(|criterion| !criterion.evidence.is_empty())
        .map(|criterion| {
            let quotes = criterion
                .evidence
                .iter()
                .take(QUOTES_PER_CRITERION)
                .map(|evidence| {
                    if evidence.page == 0 {
                        format!("\"{}\"", evidence.quote)
                    } else {
                        format!("\"{}\" p{}", evidence.quote, evidence.page)
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
            format!("{}: {}", criterion.id, quotes)
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Neutralises a cell that a spreadsheet would run as a formula; numbers pass unchanged.
pub fn sanitise(cell: &str) -> String {
    let dangerous = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if dangerous && cell.trim().parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_but_numbers_are_not() {
        assert_eq!(
            sanitise("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(sanitise("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(sanitise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(sanitise("\t=1"), "'\t=1");
        assert_eq!(sanitise("\r=1"), "'\r=1");
        assert_eq!(sanitise("-1.5"), "-1.5");
        assert_eq!(sanitise("plain, text"), "plain, text");
    }
}
