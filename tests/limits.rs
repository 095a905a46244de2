//! Every limit flag, when hit, gives a status or the `truncated` flag, never a crash.

mod common;

use std::time::Instant;

use common::pdf;

const CV_LINES: [&str; 3] = [
    "Jane Doe, information security analyst",
    "Incident response, SIEM, ISO 27001 audits",
    "Languages: English C2, French B2",
];

#[test]
fn max_file_size_gives_too_large() {
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    // A valid PDF padded past 1 MiB with a comment after %%EOF.
    let mut big = pdf::text_pdf(&CV_LINES);
    big.extend_from_slice(b"%");
    big.resize((1 << 20) + 4096, b'x');
    std::fs::write(input.path().join("big.pdf"), &big).unwrap();
    std::fs::write(
        input.path().join("small.pdf"),
        pdf::text_pdf(&CV_LINES[..2]),
    )
    .unwrap();
    let rows = common::run_ok(input.path(), work.path(), &["--max-file-size", "1"]);
    assert_eq!(
        rows["big.pdf"]["status"], "too_large",
        "{:?}",
        rows["big.pdf"]
    );
    assert!(
        rows["big.pdf"]["detail"].contains("over the limit"),
        "{:?}",
        rows["big.pdf"]
    );
    assert_eq!(rows["small.pdf"]["status"], "ok");
    // Without the limit, the same file is read.
    let work = tempfile::tempdir().unwrap();
    let output = common::run(input.path(), work.path(), &["--max-file-size", "2"]);
    assert!(output.status.success());
    assert_eq!(
        common::rows_by_file(&work.path().join("shortlist.csv"))["big.pdf"]["status"],
        "ok"
    );
}

#[test]
fn max_pages_truncates_a_5000_page_file() {
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    std::fs::write(
        input.path().join("pages-5000.pdf"),
        pdf::many_pages(5000, &pdf::lines_content(&CV_LINES)),
    )
    .unwrap();
    std::fs::write(
        input.path().join("pages-2.pdf"),
        pdf::many_pages(2, &pdf::lines_content(&CV_LINES)),
    )
    .unwrap();
    let rows = common::run_ok(input.path(), work.path(), &["--max-pages", "3"]);
    let long = &rows["pages-5000.pdf"];
    assert_eq!(long["status"], "ok", "{long:?}");
    assert!(
        long["flags"].split(';').any(|flag| flag == "truncated"),
        "{long:?}"
    );
    let short = &rows["pages-2.pdf"];
    assert_eq!(short["status"], "ok", "{short:?}");
    assert!(!short["flags"].contains("truncated"), "{short:?}");
}

#[test]
fn max_chars_truncates() {
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    std::fs::write(
        input.path().join("cv.pdf"),
        pdf::many_pages(5, &pdf::lines_content(&CV_LINES)),
    )
    .unwrap();
    let output = common::run(input.path(), work.path(), &["--max-chars", "150"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let row = &common::rows_by_file(&work.path().join("shortlist.csv"))["cv.pdf"];
    assert_eq!(row["status"], "ok", "{row:?}");
    assert!(row["flags"].contains("truncated"), "{row:?}");
}

#[test]
fn timeout_on_a_slow_file() {
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    // 200 pages sharing one content stream of a million no-op operators: seconds of work, 4 MB.
    std::fs::write(input.path().join("slow.pdf"), pdf::slow(200, 1_000_000)).unwrap();
    std::fs::write(input.path().join("cv.pdf"), pdf::text_pdf(&CV_LINES)).unwrap();
    let started = Instant::now();
    let output = common::run(
        input.path(),
        work.path(),
        &["--timeout", "0.5", "--threads", "1"],
    );
    let elapsed = started.elapsed();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows = common::rows_by_file(&work.path().join("shortlist.csv"));
    let slow = &rows["slow.pdf"];
    assert_eq!(slow["status"], "timeout", "{slow:?}");
    assert!(slow["detail"].contains("0.5 s"), "{slow:?}");
    // The worker was killed and replaced: the next file still extracts.
    assert_eq!(rows["cv.pdf"]["status"], "ok", "{:?}", rows["cv.pdf"]);
    assert!(
        elapsed.as_secs() < 30,
        "the deadline was not enforced: {elapsed:?}"
    );
}
