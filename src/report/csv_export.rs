//! The shortlist CSV: one row per input file, ranked rows first, every failure listed.
//! No cell can start a spreadsheet formula (OWASP CSV injection): a text cell starting with
//! `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe.

use std::io::Write;

use rayon::prelude::*;
use std::path::Path;

use super::Row;
use crate::atomic;
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

/// Rows rendered together (in parallel) before being written.
const ROWS_PER_CHUNK: usize = 512;
/// Score cells that come before the `status` column (the score itself).
const CELLS_BEFORE_STATUS: usize = 1;
/// Score cells that come before the `submitted_at` column: the score, eligibility, reasons,
/// years, degree, languages, certifications, clearance and flags.
const CELLS_BEFORE_SUBMITTED: usize = 9;

/// Writes the shortlist atomically; `score_cells_of` gives each row's [`score_cells`] (empty
/// for rows without a score), so that full scores need not all be in memory at once.
pub fn write(
    path: &Path,
    profile: &Profile,
    passthrough_columns: &[String],
    rows: &[Row],
    score_cells_of: impl Fn(&Row) -> std::io::Result<Vec<String>> + Sync,
) -> Result<(), FatalError> {
    atomic::write(path, |out| {
        write_to(out, profile, passthrough_columns, rows, score_cells_of)
    })
}

/// Writes the shortlist to any writer (used by tests and by [`write`]).
pub fn write_to(
    out: &mut dyn Write,
    profile: &Profile,
    passthrough_columns: &[String],
    rows: &[Row],
    score_cells_of: impl Fn(&Row) -> std::io::Result<Vec<String>> + Sync,
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

    let score_width = CELLS_BEFORE_SUBMITTED + profile.gates.len() + profile.criteria.len() + 1;
    let mut ordered: Vec<&Row> = rows.iter().collect();
    ordered.sort_by(|a, b| match (a.rank, b.rank) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.input.display.cmp(&b.input.display),
    });
    // Rows are read and rendered in parallel, a chunk at a time, and written in order.
    for chunk in ordered.chunks(ROWS_PER_CHUNK) {
        let records = chunk
            .par_iter()
            .map(|row| {
                let score_cells = score_cells_of(row)?;
                Ok(record(row, &score_cells, score_width))
            })
            .collect::<std::io::Result<Vec<_>>>()?;
        for cells in records {
            writer.write_record(cells.iter().map(|cell| sanitise(cell)))?;
        }
    }
    writer.flush()
}

/// One row's cells: the row's own around its score cells (blank where it has no score).
fn record(row: &Row, score_cells: &[String], score_width: usize) -> Vec<String> {
    let score_cell = |index: usize| score_cells.get(index).cloned().unwrap_or_default();
    let mut cells = vec![
        row.rank.map(|rank| rank.to_string()).unwrap_or_default(),
        row.input.display.clone(),
        if row.input.submitted_at.is_some() {
            row.input.key.clone()
        } else {
            String::new()
        },
    ];
    cells.extend((0..CELLS_BEFORE_STATUS).map(score_cell));
    cells.push(row.status.as_str().to_string());
    cells.push(
        row.language
            .map_or("unknown", |language| language.code())
            .to_string(),
    );
    cells.extend((CELLS_BEFORE_STATUS..CELLS_BEFORE_SUBMITTED).map(score_cell));
    cells.push(
        row.input
            .submitted_at
            .map(|at| at.to_rfc3339())
            .unwrap_or_default(),
    );
    cells.extend((CELLS_BEFORE_SUBMITTED..score_width).map(score_cell));
    cells.push(row.detail.clone());
    cells.extend(row.input.passthrough.iter().cloned());
    cells
}

/// The cells a score fills, rendered once when the CV is scored (and kept with its result):
/// score, eligibility, reasons, facts and flags; one per gate; one per criterion; evidence.
pub fn score_cells(score: &CvScore) -> Vec<String> {
    let facts = &score.facts;
    let mut cells = vec![
        format!("{:.1}", score.score),
        score.eligible.as_str().to_string(),
        eligibility_reasons(score),
        format!("{:.1}", facts.years_experience),
        facts
            .degree
            .as_ref()
            .map(|degree| format!("{:?} ({} y)", degree.level, degree.nominal_years))
            .unwrap_or_default(),
        facts
            .languages
            .iter()
            .map(|skill| format!("{} {:?}", skill.language, skill.level))
            .collect::<Vec<_>>()
            .join("; "),
        facts.certifications.join("; "),
        facts
            .clearance
            .as_ref()
            .map(|clearance| format!("{:?}: {}", clearance.status, clearance.quote))
            .unwrap_or_default(),
        score.flags.join(";"),
    ];
    cells.extend(
        score
            .gates
            .iter()
            .map(|gate| gate.outcome.as_str().to_string()),
    );
    cells.extend(
        score
            .criteria
            .iter()
            .map(|criterion| format!("{:.0}", criterion.score * 100.0)),
    );
    cells.push(evidence_summary(score));
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
