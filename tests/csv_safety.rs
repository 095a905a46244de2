//! The shortlist is safe to open in a spreadsheet and private: no cell can start a formula,
//! odd names survive a CSV round trip, and every output is readable by its owner only.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::pdf;

const CV: [&str; 4] = [
    "=HYPERLINK(\"http://evil.example/x\",\"click\")",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "@SUM(A1:A9) information security analyst, incident response",
    "-2+3 years of SIEM and ISO 27001 audits; security clearance: SECRET UE/EU SECRET",
];

fn formula_like(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.trim().parse::<f64>().is_err()
}

fn all_cells(csv_path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(csv_path)
        .unwrap();
    reader
        .records()
        .map(|record| record.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn no_cell_starts_a_formula_and_odd_names_round_trip() {
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let names = [
        "=HYPERLINK(\"evil.example\").pdf",
        "+1+1.pdf",
        "-cmd.pdf",
        "@import.pdf",
        "comma, \"quoted\" name.pdf",
        "new\nline.pdf",
        "carriage\rreturn.pdf",
        "\u{202E}fdp.exe.pdf",
        "\ttab.pdf",
    ];
    for (index, name) in names.iter().enumerate() {
        let unique = format!("Candidate number {index}");
        let mut lines = vec![unique.as_str()];
        lines.extend(CV);
        std::fs::write(input.path().join(name), pdf::text_pdf(&lines)).unwrap();
    }
    let output = common::run(input.path(), work.path(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let csv_path = work.path().join("shortlist.csv");
    let cells = all_cells(&csv_path);
    assert_eq!(cells.len(), names.len() + 1);
    for row in &cells {
        for cell in row {
            assert!(
                !formula_like(cell),
                "a cell starts a formula: {cell:?} in {row:?}"
            );
        }
    }
    // Names come back exactly (after the apostrophe that defuses a formula-like start).
    let files: Vec<String> = common::rows(&csv_path)
        .into_iter()
        .map(|row| row["file"].clone())
        .collect();
    for name in names {
        let shown = if formula_like(name) {
            format!("'{name}")
        } else {
            name.to_string()
        };
        assert!(files.contains(&shown), "{shown:?} not among {files:?}");
    }
    for row in common::rows(&csv_path) {
        assert_eq!(row["status"], "ok", "{row:?}");
    }
}

#[test]
fn manifest_columns_and_ids_cannot_start_formulas() {
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("a.pdf"), pdf::text_pdf(&CV)).unwrap();
    std::fs::write(
        input.path().join("b.pdf"),
        pdf::text_pdf(&["Someone else entirely, network engineer"]),
    )
    .unwrap();
    std::fs::write(
        input.path().join("export.csv"),
        "candidate_id,file,submitted_at,=channel,note\n\
         =1+1,a.pdf,2026-04-20T10:15:00+02:00,@SUM(A1),\"-x, \"\"y\"\"\"\n\
         -5,b.pdf,2026-04-20T10:15:00+02:00,+cmd,\"\tx\"\n",
    )
    .unwrap();
    let output = common::run(&input.path().join("export.csv"), work.path(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let csv_path = work.path().join("shortlist.csv");
    for row in all_cells(&csv_path) {
        for cell in &row {
            assert!(
                !formula_like(cell),
                "a cell starts a formula: {cell:?} in {row:?}"
            );
        }
    }
    let rows = common::rows(&csv_path);
    assert!(
        rows.iter().any(|row| row["candidate_id"] == "'=1+1"),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|row| row["candidate_id"] == "-5"),
        "a number stays a number: {rows:?}"
    );
    assert!(
        rows.iter().any(|row| row["note"] == "'-x, \"y\""),
        "{rows:?}"
    );
    assert!(
        rows[0].contains_key("'=channel"),
        "header cells are defused too: {:?}",
        rows[0].keys()
    );
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn outputs_and_index_are_owner_only() {
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("a.pdf"), pdf::text_pdf(&CV)).unwrap();
    // Whatever the caller's umask, personal data must not be readable by others.
    // SAFETY: umask only changes the file-creation mask (inherited by the child).
    let previous = unsafe { libc::umask(0o022) };
    let output = common::run(input.path(), work.path(), &[]);
    unsafe { libc::umask(previous) };
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(mode(&work.path().join("shortlist.csv")), 0o600);
    assert_eq!(
        mode(&work.path().join("shortlist.csv.manifest.json")),
        0o600
    );
    let index = work.path().join("index");
    assert_eq!(mode(&index), 0o700);
    let mut checked = 0;
    for entry in std::fs::read_dir(&index).unwrap() {
        let entry = entry.unwrap();
        let file_mode = mode(&entry.path());
        let wanted = if entry.file_type().unwrap().is_dir() {
            0o700
        } else {
            0o600
        };
        assert_eq!(
            file_mode & 0o077,
            0,
            "{} is mode {file_mode:o}, wanted {wanted:o}",
            entry.path().display()
        );
        checked += 1;
    }
    assert!(checked > 3, "the index has files");
}
