//! The shortlist CSV: one row per input file, ranked rows first, every failure listed.
//! No cell can start a spreadsheet formula (OWASP CSV injection): a text cell starting with
//! `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::Row;
use crate::atomic;
use crate::error::FatalError;
use crate::profile::Profile;
use crate::score::{CvScore, GateOutcome, LATE_FLAG};

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
/// The csv writer's own buffer when it renders a few fields (its default, 8 KiB, would be
/// allocated and zeroed for every piece of every row).
const FIELDS_BUFFER_BYTES: usize = 256;

/// A score's shortlist cells, rendered to CSV once, when the CV is scored, and kept with its
/// result, so that a rerun copies them into the shortlist without parsing or quoting them
/// again. Three runs of spreadsheet-safe fields joined by commas, for the three places in a
/// row that hold score cells: before `status`, before `submitted_at`, and after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ScoreCells([String; 3]);

impl ScoreCells {
    /// The cells of a row without a score, for a profile with `score_width` score cells: blank
    /// but for `flags` (the last cell before `submitted_at`).
    fn blank(score_width: usize, flags: &str) -> ScoreCells {
        let blanks = |count: usize| std::iter::repeat_n("", count);
        let before_flags = CELLS_BEFORE_SUBMITTED - CELLS_BEFORE_STATUS - 1;
        ScoreCells([
            fields(blanks(CELLS_BEFORE_STATUS)),
            fields(blanks(before_flags).chain([flags])),
            fields(blanks(score_width - CELLS_BEFORE_SUBMITTED)),
        ])
    }
}

/// Writes the shortlist atomically; `score_cells_of` gives each row's [`score_cells`] (none
/// for rows without a score), so that full scores need not all be in memory at once.
pub fn write(
    path: &Path,
    profile: &Profile,
    passthrough_columns: &[String],
    rows: &[Row],
    score_cells_of: impl Fn(&Row) -> std::io::Result<Option<ScoreCells>> + Sync,
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
    score_cells_of: impl Fn(&Row) -> std::io::Result<Option<ScoreCells>> + Sync,
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
    out.write_all(fields(header.iter().map(String::as_str)).as_bytes())?;
    out.write_all(b"\n")?;

    let score_width = CELLS_BEFORE_SUBMITTED + profile.gates.len() + profile.criteria.len() + 1;
    // A row without a score (a failed extraction) still says that its application was late.
    let blank = ScoreCells::blank(score_width, "");
    let blank_late = ScoreCells::blank(score_width, LATE_FLAG);
    let unscored = |row: &Row| {
        let late = row
            .input
            .submitted_at()
            .is_some_and(|at| profile.job.is_late(at.date_naive()));
        if late {
            &blank_late
        } else {
            &blank
        }
    };
    let mut ordered: Vec<&Row> = rows.iter().collect();
    ordered.sort_by(|a, b| match (a.rank, b.rank) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.input.display().cmp(b.input.display()),
    });
    // Rows are read and rendered to CSV in parallel, a chunk at a time, and written in order.
    for chunk in ordered.chunks(ROWS_PER_CHUNK) {
        let rendered = chunk
            .par_chunks(ROWS_PER_TASK)
            .map(|rows| {
                let mut lines = Vec::new();
                for row in rows {
                    let score = score_cells_of(row)?;
                    write_row(
                        &mut lines,
                        row,
                        score.as_ref().unwrap_or_else(|| unscored(row)),
                    );
                }
                Ok(lines)
            })
            .collect::<std::io::Result<Vec<_>>>()?;
        for bytes in rendered {
            out.write_all(&bytes)?;
        }
    }
    out.flush()
}

/// `cells` as CSV fields, each made spreadsheet-safe and quoted where needed, joined by commas
/// (no line end).
fn fields<'a>(cells: impl IntoIterator<Item = &'a str>) -> String {
    // Text written to memory: neither writing nor the UTF-8 of the result can fail.
    const INFALLIBLE: &str = "CSV of text, written to memory";
    let mut writer = csv::WriterBuilder::new()
        .buffer_capacity(FIELDS_BUFFER_BYTES)
        .from_writer(Vec::new());
    let (mut count, mut bytes) = (0, 0);
    for cell in cells {
        writer
            .write_field(sanitise(cell).as_bytes())
            .expect(INFALLIBLE);
        (count, bytes) = (count + 1, bytes + cell.len());
    }
    // Only the record's end closes a quoted last field.
    writer.write_record(None::<&[u8]>).expect(INFALLIBLE);
    let mut text = String::from_utf8(writer.into_inner().expect(INFALLIBLE)).expect(INFALLIBLE);
    text.pop();
    if count == 1 && bytes == 0 {
        // A record of one empty field is written `""`, lest its line be blank; within a row,
        // an empty field is nothing.
        text.clear();
    }
    text
}

/// Appends one row's CSV line: the row's own cells around its rendered score cells.
fn write_row(lines: &mut Vec<u8>, row: &Row, score: &ScoreCells) {
    let [before_status, before_submitted, after_submitted] = &score.0;
    let rank = row.rank.map(|rank| rank.to_string()).unwrap_or_default();
    let submitted_at = row
        .input
        .submitted_at()
        .map(|at| at.to_rfc3339())
        .unwrap_or_default();
    let own_before = [
        rank.as_str(),
        row.input.display(),
        row.input.candidate_id().unwrap_or_default(),
    ];
    let status = [
        row.status.as_str(),
        row.language.map_or("unknown", |language| language.code()),
    ];
    let trailing = std::iter::once(row.detail.as_str()).chain(row.input.passthrough());
    let pieces = [
        &fields(own_before),
        before_status,
        &fields(status),
        before_submitted,
        &fields([submitted_at.as_str()]),
        after_submitted,
        &fields(trailing),
    ];
    for (position, piece) in pieces.into_iter().enumerate() {
        if position > 0 {
            lines.push(b',');
        }
        lines.extend_from_slice(piece.as_bytes());
    }
    lines.push(b'\n');
}

/// The cells a score fills, rendered once when the CV is scored (and kept with its result):
/// score, eligibility, reasons, facts and flags; one per gate; one per criterion; evidence.
pub fn score_cells(score: &CvScore) -> ScoreCells {
    let cells = score_texts(score);
    let group = |cells: &[String]| fields(cells.iter().map(String::as_str));
    ScoreCells([
        group(&cells[..CELLS_BEFORE_STATUS]),
        group(&cells[CELLS_BEFORE_STATUS..CELLS_BEFORE_SUBMITTED]),
        group(&cells[CELLS_BEFORE_SUBMITTED..]),
    ])
}

/// The text of each cell a score fills.
fn score_texts(score: &CvScore) -> Vec<String> {
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

    const TRICKY: [&str; 10] = [
        "",
        "plain",
        "a,b",
        "say \"hi\"",
        "line\nbreak",
        "=1+2",
        "-3",
        "",
        "tab\tin, é",
        "",
    ];

    #[test]
    fn fields_are_a_csv_record_without_its_line_end() {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer
            .write_record(TRICKY.iter().map(|cell| sanitise(cell).into_owned()))
            .expect("a record");
        let record = String::from_utf8(writer.into_inner().expect("flushed")).expect("UTF-8");
        assert_eq!(fields(TRICKY) + "\n", record);
        assert_eq!(fields([""]), "", "one empty field within a row is nothing");
    }

    #[test]
    fn a_row_pieced_from_runs_of_fields_is_the_whole_record() {
        // Every way of cutting the cells into consecutive runs (a bit per gap: cut or not).
        for cuts in 0u32..1 << (TRICKY.len() - 1) {
            let mut pieces = Vec::new();
            let mut start = 0;
            for end in 1..=TRICKY.len() {
                if end == TRICKY.len() || cuts & (1 << (end - 1)) != 0 {
                    pieces.push(fields(TRICKY[start..end].iter().copied()));
                    start = end;
                }
            }
            assert_eq!(pieces.join(","), fields(TRICKY), "cuts {cuts:b}");
        }
    }
}
