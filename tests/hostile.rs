//! Crafted hostile PDFs through the real binary: every file is exactly one row with a precise
//! status, the run exits 0 without a panic, and memory stays bounded in the run and its workers.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::pdf;
use cvmatch::extract::backend::{extract_with_fallback, BackendKind};
use cvmatch::extract::ExtractLimits;
use cvmatch::status::Status;

/// Writes the crafted hostile files (generated now, or copied from tests/fixtures/hostile).
fn write_crafted(dir: &Path) -> Vec<&'static str> {
    let generated: Vec<(&str, Vec<u8>)> = vec![
        ("self-form.pdf", pdf::self_referencing_form()),
        ("page-tree-loop.pdf", pdf::page_tree_containing_itself()),
        ("nested-arrays.pdf", pdf::nested_arrays(20_000)),
        (
            "pages-5000.pdf",
            pdf::many_pages(5000, &pdf::lines_content(&["One of five thousand pages"])),
        ),
        ("quote-operators.pdf", pdf::quote_operators()),
        (
            "no-mediabox.pdf",
            pdf::one_page(
                &pdf::lines_content(&["A page without a MediaBox"]),
                "",
                false,
            ),
        ),
    ];
    let mut names = Vec::new();
    for (name, bytes) in generated {
        std::fs::write(dir.join(name), bytes).unwrap();
        names.push(name);
    }
    for name in [
        "flate-bomb.pdf",
        "encrypted-rc4-40.pdf",
        "encrypted-aes-256.pdf",
    ] {
        std::fs::copy(
            common::root().join("tests/fixtures/hostile").join(name),
            dir.join(name),
        )
        .unwrap();
        names.push(name);
    }
    names
}

/// The statuses each crafted file may end with (anything else is a bug).
fn allowed(name: &str) -> &'static [&'static str] {
    match name {
        "self-form.pdf" | "pages-5000.pdf" | "quote-operators.pdf" | "no-mediabox.pdf" => &["ok"],
        // A loop in the page tree: the one real page, or a clean refusal.
        "page-tree-loop.pdf" => &["ok", "unreadable"],
        // The nesting is in an unused key: the page text, or a clean refusal.
        "nested-arrays.pdf" => &["ok", "unreadable"],
        // Bounded inflation gives no text; an unbounded one hits the worker's memory cap.
        "flate-bomb.pdf" => &["memory_limit", "unreadable", "no_text"],
        "encrypted-rc4-40.pdf" | "encrypted-aes-256.pdf" => &["encrypted"],
        other => panic!("no expectation for {other}"),
    }
}

fn assert_no_panic(stderr: &str) {
    for needle in ["panicked", "RUST_BACKTRACE", "stack overflow", "SIGSEGV"] {
        assert!(
            !stderr.contains(needle),
            "the run's stderr shows {needle:?}:\n{stderr}"
        );
    }
}

#[test]
fn crafted_hostile_files_get_precise_statuses() {
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let names = write_crafted(input.path());
    let measured = common::measure(common::run_command(
        input.path(),
        work.path(),
        &["--timeout", "10"],
    ));
    assert_eq!(measured.code, Some(0), "{}", measured.stderr);
    assert_no_panic(&measured.stderr);
    let rows = common::rows_by_file(&work.path().join("shortlist.csv"));
    assert_eq!(
        rows.len(),
        names.len(),
        "one row per file: {:?}",
        rows.keys()
    );
    let mut problems = Vec::new();
    for name in &names {
        let row = &rows[*name];
        eprintln!(
            "{name}: {} [{}] {}",
            row["status"], row["flags"], row["detail"]
        );
        if !allowed(name).contains(&row["status"].as_str()) {
            problems.push(format!(
                "{name}: {} ({}), expected one of {:?}",
                row["status"],
                row["detail"],
                allowed(name)
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(
        rows["pages-5000.pdf"]["flags"].contains("truncated"),
        "200 of 5000 pages read: {:?}",
        rows["pages-5000.pdf"]
    );
    for name in ["encrypted-rc4-40.pdf", "encrypted-aes-256.pdf"] {
        assert!(
            rows[name]["detail"].contains("password"),
            "{:?}",
            rows[name]
        );
    }
    eprintln!(
        "parent peak {} KiB, max rss {} KiB",
        measured.parent_peak_kib, measured.max_rss_kib
    );
    // Workers are capped at 1024 MiB of address space; the run itself holds the index writer.
    assert!(
        measured.max_rss_kib < 1100 * 1024,
        "max RSS {} KiB",
        measured.max_rss_kib
    );
    assert!(
        measured.parent_peak_kib < 600 * 1024,
        "parent peak {} KiB",
        measured.parent_peak_kib
    );
}

#[test]
fn quote_operators_and_a_missing_media_box_give_their_text() {
    let backends = [BackendKind::Walker, BackendKind::PdfExtract];
    let text_of = |bytes: &[u8]| {
        let extraction = extract_with_fallback(bytes, &backends, &ExtractLimits::default(), |_| {});
        assert_eq!(extraction.status, Status::Ok, "{}", extraction.detail);
        assert_eq!(extraction.backend, "walker");
        extraction
            .pages
            .iter()
            .map(|page| page.text.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let text = text_of(&pdf::quote_operators());
    for line in [
        "Plain Tj line",
        "Apostrophe operator line",
        "Double quote operator line",
    ] {
        assert!(text.contains(line), "{line:?} missing from {text:?}");
    }
    assert_eq!(
        text.lines().count(),
        3,
        "each quote operator starts a new line: {text:?}"
    );
    let text = text_of(&pdf::one_page(
        &pdf::lines_content(&["A page without a MediaBox"]),
        "",
        false,
    ));
    assert!(text.contains("A page without a MediaBox"), "{text:?}");
    let text = text_of(&pdf::self_referencing_form());
    assert!(text.contains("Self referencing form page"), "{text:?}");
}

#[test]
fn a_flate_bomb_under_a_256_mib_worker_cap_never_takes_the_run_down() {
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::root().join("tests/fixtures/hostile/flate-bomb.pdf"),
        input.path().join("flate-bomb.pdf"),
    )
    .unwrap();
    std::fs::write(
        input.path().join("cv.pdf"),
        pdf::text_pdf(&["Jane Doe", "Security analyst"]),
    )
    .unwrap();
    let measured = common::measure(common::run_command(
        input.path(),
        work.path(),
        &[
            "--max-memory",
            "256",
            "--backends",
            "walker,pdf-extract,lopdf",
        ],
    ));
    assert_eq!(measured.code, Some(0), "{}", measured.stderr);
    assert_no_panic(&measured.stderr);
    let rows = common::rows_by_file(&work.path().join("shortlist.csv"));
    assert_eq!(rows.len(), 2);
    let bomb = &rows["flate-bomb.pdf"];
    eprintln!(
        "flate bomb: {} [{}] {}",
        bomb["status"], bomb["flags"], bomb["detail"]
    );
    let status = bomb["status"].as_str();
    assert!(
        ["memory_limit", "unreadable", "no_text"].contains(&status)
            || (status == "ok" && bomb["flags"].contains("truncated")),
        "{bomb:?}"
    );
    assert_eq!(rows["cv.pdf"]["status"], "ok");
    // No worker got past its 256 MiB address-space cap (RSS ≤ address space).
    eprintln!(
        "parent peak {} KiB, max rss {} KiB",
        measured.parent_peak_kib, measured.max_rss_kib
    );
    assert!(
        measured.parent_peak_kib < 600 * 1024,
        "parent peak {} KiB",
        measured.parent_peak_kib
    );
}

#[test]
fn crafted_files_and_every_shared_corpus_in_one_run() {
    let Some(corpora) = common::shared_corpora() else {
        return;
    };
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let crafted = input.path().join("crafted");
    std::fs::create_dir(&crafted).unwrap();
    let names = write_crafted(&crafted);
    std::os::unix::fs::symlink(corpora.canonicalize().unwrap(), input.path().join("shared"))
        .unwrap();
    let expected_files = names.len() + common::files_under(&corpora).len();
    let measured = common::measure(common::run_command(
        input.path(),
        work.path(),
        &["--all-files", "--timeout", "10"],
    ));
    assert_eq!(measured.code, Some(0), "{}", measured.stderr);
    assert_no_panic(&measured.stderr);
    let rows = common::rows(&work.path().join("shortlist.csv"));
    assert_eq!(rows.len(), expected_files, "exactly one row per file");
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for row in &rows {
        let status = row["status"].as_str();
        assert!(Status::parse(status).is_some(), "unknown status {status:?}");
        *counts.entry(status).or_default() += 1;
        // Every failure is precise: a worker crash or a missing result is a bug to fix.
        assert!(
            !["crashed", "io_error", "missing_file"].contains(&status),
            "{row:?}"
        );
        if status == "ok" {
            assert!(
                !row["score"].is_empty() && !row["rank"].is_empty(),
                "{row:?}"
            );
        } else {
            assert!(!row["detail"].is_empty(), "a failure says why: {row:?}");
        }
        if let Some(name) = row["file"].strip_prefix("crafted/") {
            assert!(allowed(name).contains(&status), "{row:?}");
        }
    }
    eprintln!(
        "{counts:?}; parent peak {} KiB, max rss {} KiB",
        measured.parent_peak_kib, measured.max_rss_kib
    );
    let manifest = common::run_manifest(work.path());
    assert_eq!(manifest["files"], expected_files);
    assert!(
        measured.max_rss_kib < 1100 * 1024,
        "max RSS {} KiB",
        measured.max_rss_kib
    );
    assert!(
        measured.parent_peak_kib < 800 * 1024,
        "parent peak {} KiB",
        measured.parent_peak_kib
    );
}
