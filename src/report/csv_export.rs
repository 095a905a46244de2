//! The shortlist CSV: one row per input file, ranked rows first, every failure listed.
//! No cell can start a spreadsheet formula (OWASP CSV injection): a text cell starting with
//! `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use rayon::prelude::*;

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
/// Rows one thread renders into one buffer.
const ROWS_PER_TASK: usize = 64;
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

/// Writes the shortlist to any writer (used by tests and by [`write()`]).
pub fn write_to(
    out: &mut dyn Write,
    profile: &Profile,
    passthrough_columns: &[String],
    rows: &[Row],
    score_cells_of: impl Fn(&Row) -> std::io::Result<Vec<String>> + Sync,
) -> std::io::Result<()> {
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
    header.extend(passthrough_columns.iter().cloned());
    out.write_all(&render(std::iter::once(header.iter().map(String::as_str)))?)?;

    let score_width = CELLS_BEFORE_SUBMITTED + profile.gates.len() + profile.criteria.len() + 1;
    let mut ordered: Vec<&Row> = rows.iter().collect();
    ordered.sort_by(|a, b| match (a.rank, b.rank) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.input.display.cmp(&b.input.display),
    });
    // Rows are read and rendered to CSV in parallel, a chunk at a time, and written in order.
    for chunk in ordered.chunks(ROWS_PER_CHUNK) {
        let rendered = chunk
            .par_chunks(ROWS_PER_TASK)
            .map(|rows| {
                let records = rows
                    .iter()
                    .map(|row| Ok(record(row, score_cells_of(row)?, score_width)))
                    .collect::<std::io::Result<Vec<_>>>()?;
                render(records.iter().map(|cells| cells.iter().map(|cell| &**cell)))
            })
            .collect::<std::io::Result<Vec<_>>>()?;
        for bytes in rendered {
            out.write_all(&bytes)?;
        }
    }
    out.flush()
}

/// CSV lines of `records`, every cell made spreadsheet-safe.
fn render<'a>(
    records: impl IntoIterator<Item = impl IntoIterator<Item = &'a str>>,
) -> std::io::Result<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    for cells in records {
        for cell in cells {
            writer.write_field(sanitise(cell).as_bytes())?;
        }
        writer.write_record(None::<&[u8]>)?;
    }
    writer
        .into_inner()
        .map_err(|error| std::io::Error::other(error.to_string()))
}

/// One row's cells: the row's own around its score cells (blank where it has no score).
fn record<'a>(row: &'a Row, score_cells: Vec<String>, score_width: usize) -> Vec<Cow<'a, str>> {
    let mut score_cells = score_cells.into_iter().map(Cow::Owned);
    let mut next_score_cells = |count: usize| {
        (0..count)
            .map(|_| score_cells.next().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    let mut cells = vec![
        Cow::Owned(row.rank.map(|rank| rank.to_string()).unwrap_or_default()),
        Cow::Borrowed(&*row.input.display),
        Cow::Borrowed(row.input.candidate_id.as_deref().unwrap_or_default()),
    ];
    cells.extend(next_score_cells(CELLS_BEFORE_STATUS));
    cells.push(Cow::Borrowed(row.status.as_str()));
    cells.push(Cow::Borrowed(
        row.language.map_or("unknown", |language| language.code()),
    ));
    cells.extend(next_score_cells(
        CELLS_BEFORE_SUBMITTED - CELLS_BEFORE_STATUS,
    ));
    cells.push(Cow::Owned(
        row.input
            .submitted_at
            .map(|at| at.to_rfc3339())
            .unwrap_or_default(),
    ));
    cells.extend(next_score_cells(score_width - CELLS_BEFORE_SUBMITTED));
    cells.push(Cow::Borrowed(row.detail.as_str()));
    cells.extend(
        row.input
            .passthrough
            .iter()
            .map(|cell| Cow::Borrowed(&**cell)),
    );
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
pub fn sanitise(cell: &str) -> Cow<'_, str> {
    let dangerous = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if dangerous && cell.trim().parse::<f64>().is_err() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
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
