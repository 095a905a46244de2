//! Awkward inputs through the real binary: loops, odd names, odd file types, empty folders,
//! manifests naming missing files, duplicates, unreadable files.

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

use common::pdf;

fn cv(name: &str) -> Vec<u8> {
    pdf::text_pdf(&[
        name,
        "Information security analyst since 2015",
        "Incident response and SIEM operations",
    ])
}

#[test]
fn symlink_loops_folders_named_pdf_and_special_files() {
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let root = input.path();
    std::fs::write(root.join("a.pdf"), cv("Alice Martin")).unwrap();
    std::fs::create_dir(root.join("sub")).unwrap();
    std::fs::write(root.join("sub/b.pdf"), cv("Bruno Keller")).unwrap();
    // A loop back to the input folder, and a folder named like a PDF.
    std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
    std::fs::create_dir(root.join("x.pdf")).unwrap();
    std::fs::write(root.join("x.pdf/inner.pdf"), cv("Chiara Rossi")).unwrap();
    // Things that are not regular files must not hang or crash the run.
    let fifo = std::ffi::CString::new(root.join("fifo.pdf").as_os_str().as_bytes()).unwrap();
    // SAFETY: mkfifo reads a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    std::os::unix::fs::symlink("/dev/zero", root.join("zero.pdf")).unwrap();
    std::os::unix::fs::symlink(root.join("nowhere.pdf"), root.join("dangling.pdf")).unwrap();

    let rows = common::run_ok(root, work.path(), &["--timeout", "5"]);
    let mut files: Vec<&str> = rows.keys().map(String::as_str).collect();
    files.sort();
    eprintln!("{files:?}");
    for name in ["a.pdf", "sub/b.pdf", "x.pdf/inner.pdf"] {
        assert_eq!(rows[name]["status"], "ok", "{:?}", rows[name]);
    }
    assert!(!rows.contains_key("x.pdf"), "a folder is not a row");
    assert!(
        !files.iter().any(|file| file.starts_with("sub/loop")),
        "the loop was followed: {files:?}"
    );
    assert_eq!(
        rows["fifo.pdf"]["status"], "io_error",
        "{:?}",
        rows["fifo.pdf"]
    );
    assert_eq!(
        rows["zero.pdf"]["status"], "io_error",
        "{:?}",
        rows["zero.pdf"]
    );
    // A dangling link is reported, not silently dropped and not fatal.
    let dangling_row = rows.get("dangling.pdf").map(|row| row["status"].clone());
    let notes = common::run_manifest(work.path())["notes"].to_string();
    assert!(
        dangling_row.as_deref() == Some("missing_file") || notes.contains("dangling.pdf"),
        "dangling link: row {dangling_row:?}, notes {notes}"
    );
    assert!(
        notes.contains("loop"),
        "the loop is noted in the manifest: {notes}"
    );
}

#[test]
fn non_utf8_and_very_long_names_keep_one_row_each() {
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let root = input.path();
    // Two names that differ only in bytes that are not UTF-8: a lossy conversion would merge
    // them into one key and give both rows the same extraction.
    let latin1 = root.join(OsStr::from_bytes(b"caf\xe9.pdf"));
    let other = root.join(OsStr::from_bytes(b"caf\xe8.pdf"));
    std::fs::write(&latin1, cv("Zoe Dupont")).unwrap();
    std::fs::write(&other, pdf::text_pdf(&["."])).unwrap();
    // A valid UTF-8 name spelling the escape of the first one must not clash with it either.
    std::fs::write(root.join("caf\\xE9.pdf"), cv("Literal Backslash")).unwrap();
    let long = format!("{}.pdf", "n".repeat(246));
    assert_eq!(long.len(), 250);
    std::fs::write(root.join(&long), cv("Long Name")).unwrap();

    let output = common::run(root, work.path(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows = common::rows(&work.path().join("shortlist.csv"));
    assert_eq!(rows.len(), 4, "{rows:?}");
    let long_row = rows
        .iter()
        .find(|row| row["file"] == long)
        .expect("the 250-byte name is a row");
    assert_eq!(long_row["status"], "ok");
    let cafe: Vec<_> = rows
        .iter()
        .filter(|row| row["file"].starts_with("caf"))
        .collect();
    assert_eq!(cafe.len(), 3);
    let names: std::collections::HashSet<&str> =
        cafe.iter().map(|row| row["file"].as_str()).collect();
    assert_eq!(names.len(), 3, "each name is shown distinctly: {names:?}");
    let mut statuses: Vec<&str> = cafe.iter().map(|row| row["status"].as_str()).collect();
    statuses.sort();
    assert_eq!(
        statuses,
        ["no_text", "ok", "ok"],
        "each file keeps its own result: {cafe:?}"
    );
    // The index agrees: a rerun extracts nothing and changes nothing.
    let first = std::fs::read(work.path().join("shortlist.csv")).unwrap();
    let output = common::run(root, work.path(), &[]);
    assert!(output.status.success());
    assert_eq!(common::run_manifest(work.path())["extracted"], 0);
    assert_eq!(
        std::fs::read(work.path().join("shortlist.csv")).unwrap(),
        first
    );
}

#[test]
fn an_empty_folder_gives_a_header_only_csv() {
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let output = common::run(input.path(), work.path(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(work.path().join("shortlist.csv")).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with("rank,file,"), "{text}");
    assert_eq!(common::run_manifest(work.path())["files"], 0);
}

#[test]
fn manifest_rows_missing_files_and_duplicates() {
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let root = input.path();
    std::fs::create_dir(root.join("cvs")).unwrap();
    std::fs::write(root.join("cvs/first.pdf"), cv("Ana Silva")).unwrap();
    std::fs::write(root.join("cvs/copy.pdf"), cv("Ana Silva")).unwrap();
    std::fs::write(
        root.join("export.csv"),
        "candidate_id,file,submitted_at,channel\n\
         C1,cvs/first.pdf,2026-04-20T10:15:00+02:00,EPSO\n\
         C2,cvs/gone.pdf,2026-04-21T09:00:00+02:00,EPSO\n\
         C3,cvs/copy.pdf,2026-04-22T09:00:00+02:00,mail\n",
    )
    .unwrap();
    let rows = common::run_ok_rows(&root.join("export.csv"), work.path(), &[]);
    assert_eq!(rows.len(), 3);
    let by_id = |id: &str| rows.iter().find(|row| row["candidate_id"] == id).unwrap();
    assert_eq!(by_id("C1")["status"], "ok");
    assert_eq!(by_id("C2")["status"], "missing_file", "{:?}", by_id("C2"));
    assert_eq!(by_id("C3")["status"], "duplicate");
    assert!(
        by_id("C3")["detail"].contains("cvs/first.pdf"),
        "names the original: {:?}",
        by_id("C3")
    );
    assert_eq!(by_id("C3")["channel"], "mail", "passthrough column kept");

    // In a folder too: the first in path order is the original.
    let work = tempfile::tempdir().unwrap();
    let output = common::run(&root.join("cvs"), work.path(), &[]);
    assert!(output.status.success());
    let rows = common::rows_by_file(&work.path().join("shortlist.csv"));
    assert_eq!(rows["copy.pdf"]["status"], "ok");
    assert_eq!(rows["first.pdf"]["status"], "duplicate");
    assert!(
        rows["first.pdf"]["detail"].contains("copy.pdf"),
        "{:?}",
        rows["first.pdf"]
    );
}

#[test]
fn applications_after_the_deadline_are_flagged_late() {
    // The shipped profile's deadline is 2026-04-24; the day itself is in time, in the
    // applicant's own time zone.
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let root = input.path();
    for name in ["early", "last_day", "next_day"] {
        std::fs::write(root.join(format!("{name}.pdf")), cv(name)).unwrap();
    }
    std::fs::write(
        root.join("export.csv"),
        "candidate_id,file,submitted_at\n\
         E,early.pdf,2026-04-01T09:00:00+02:00\n\
         D,last_day.pdf,2026-04-24T23:30:00+02:00\n\
         N,next_day.pdf,2026-04-25T00:10:00+02:00\n\
         M,missing.pdf,2026-05-02T08:00:00+02:00\n",
    )
    .unwrap();
    let rows = common::run_ok_rows(&root.join("export.csv"), work.path(), &[]);
    let flags = |id: &str| {
        let row = rows.iter().find(|row| row["candidate_id"] == id).unwrap();
        (row["status"].clone(), row["flags"].clone())
    };
    assert_eq!(flags("E"), ("ok".into(), "".into()));
    assert_eq!(flags("D"), ("ok".into(), "".into()));
    assert_eq!(flags("N"), ("ok".into(), "late".into()));
    assert_eq!(flags("M"), ("missing_file".into(), "late".into()));
}

#[test]
fn a_file_without_read_permission_is_an_io_error() {
    if common::is_root() {
        eprintln!("skipping: running as root, chmod 000 does not stop reads");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let locked = input.path().join("locked.pdf");
    std::fs::write(&locked, cv("Locked Out")).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let rows = common::run_ok(input.path(), work.path(), &[]);
    assert_eq!(
        rows["locked.pdf"]["status"], "io_error",
        "{:?}",
        rows["locked.pdf"]
    );
}
