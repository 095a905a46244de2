//! The real binary on the shipped corpus: one row per file, the right statuses, strong CVs
//! above weak ones, a rerun that changes nothing.

mod common;

use std::collections::HashMap;

#[test]
fn the_shipped_corpus_gives_one_row_per_pdf_with_the_right_statuses() {
    let work = tempfile::tempdir().unwrap();
    let corpus = common::root().join("corpus");
    let output = common::run(&corpus, work.path(), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows = common::rows(&work.path().join("shortlist.csv"));
    let pdfs: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .path()
                .extension()
                .is_some_and(|extension| extension == "pdf")
        })
        .collect();
    assert_eq!(rows.len(), pdfs.len());
    let status: HashMap<&str, &str> = rows
        .iter()
        .map(|row| (row["file"].as_str(), row["status"].as_str()))
        .collect();
    assert_eq!(status["broken-empty.pdf"], "empty");
    assert_eq!(status["broken-textfile.pdf"], "not_pdf");
    assert_eq!(status["broken-encrypted.pdf"], "encrypted");
    assert_eq!(status["broken-image-only.pdf"], "no_text");
    assert_ne!(status["broken-truncated.pdf"], "ok");
    let ok = rows.iter().filter(|row| row["status"] == "ok").count();
    assert_eq!(ok, pdfs.len() - 5, "every generated CV extracts");
    for row in &rows {
        assert_eq!(row["rank"].is_empty(), row["status"] != "ok", "{row:?}");
    }
    assert!(work.path().join("shortlist.csv.manifest.json").is_file());
}

#[test]
fn strong_cvs_rank_above_weak_ones() {
    let work = tempfile::tempdir().unwrap();
    let output = common::run(&common::root().join("corpus"), work.path(), &[]);
    assert!(output.status.success());
    let rows = common::rows(&work.path().join("shortlist.csv"));
    let scores_of = |profile: &str| -> Vec<f64> {
        rows.iter()
            .filter(|row| row["file"].contains(&format!("-{profile}-")) && row["status"] == "ok")
            .map(|row| row["score"].parse().unwrap())
            .collect()
    };
    let (strong, weak) = (scores_of("strong"), scores_of("weak"));
    let weakest_strong = strong.iter().copied().fold(f64::INFINITY, f64::min);
    let strongest_weak = weak.iter().copied().fold(0.0, f64::max);
    assert!(
        weakest_strong > strongest_weak,
        "every strong CV must beat every weak one: strong {strong:?}, weak {weak:?}"
    );
}

#[test]
fn an_unchanged_rerun_extracts_nothing_and_writes_the_same_csv() {
    let work = tempfile::tempdir().unwrap();
    let corpus = common::root().join("corpus");
    assert!(common::run(&corpus, work.path(), &[]).status.success());
    let first = std::fs::read(work.path().join("shortlist.csv")).unwrap();
    let output = common::run(&corpus, work.path(), &[]);
    assert!(output.status.success());
    let second = std::fs::read(work.path().join("shortlist.csv")).unwrap();
    assert_eq!(first, second);
    let manifest = common::run_manifest(work.path());
    assert_eq!(manifest["extracted"], 0);
}

#[test]
fn a_file_rewritten_with_its_old_size_and_modification_time_is_hashed_again() {
    // The hash cache trusts a file's stamp; a rewrite that restores size and mtime (cp -p,
    // rsync -t) still changes its ctime, so the new bytes must be read.
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let cv = input.path().join("cv.pdf");
    let write = |text: &str| {
        std::fs::write(&cv, common::pdf::text_pdf(&["Work experience", text])).unwrap();
        let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1 << 30);
        std::fs::File::options()
            .write(true)
            .open(&cv)
            .and_then(|file| file.set_modified(long_ago))
            .unwrap();
    };
    write("Security audits of Azure tenants");
    let first = common::run_ok(input.path(), work.path(), &[]);
    let first_hash = common::run_manifest(work.path())["inputs"]["cv.pdf"].clone();
    write("Security audits of Xzure tenants");
    let second = common::run_ok(input.path(), work.path(), &[]);
    let manifest = common::run_manifest(work.path());
    assert_eq!(
        manifest["extracted"], 1,
        "the rewritten file is extracted again"
    );
    assert_ne!(manifest["inputs"]["cv.pdf"], first_hash);
    assert_ne!(first["cv.pdf"]["evidence"], second["cv.pdf"]["evidence"]);
}

#[test]
fn a_removed_file_is_forgotten_by_the_result_store_of_the_next_run() {
    // Nightly runs append to the result store; a candidate whose file is gone must not stay in
    // it until some later rewrite.
    let input = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    for (name, skill) in [
        ("kept-1.pdf", "Azure"),
        ("kept-2.pdf", "AWS"),
        ("kept-3.pdf", "Linux"),
        ("gone.pdf", "Quetzalcoatl"),
    ] {
        let text = format!("Security audits of {skill} tenants");
        let pdf = common::pdf::text_pdf(&["Work experience", &text]);
        std::fs::write(input.path().join(name), pdf).unwrap();
    }
    let store = work.path().join("index").join("results.jsonl");
    common::run_ok(input.path(), work.path(), &[]);
    assert!(std::fs::read_to_string(&store)
        .unwrap()
        .contains("Quetzalcoatl"));

    std::fs::remove_file(input.path().join("gone.pdf")).unwrap();
    let rows = common::run_ok(input.path(), work.path(), &[]);
    assert_eq!(rows.len(), 3);
    let stored = std::fs::read_to_string(&store).unwrap();
    assert!(!stored.contains("gone.pdf") && !stored.contains("Quetzalcoatl"));
    assert!(stored.contains("kept-3.pdf"));
}

#[test]
fn a_profile_change_rescores_from_the_index_like_a_fresh_run() {
    let corpus = common::root().join("corpus");
    let original =
        std::fs::read_to_string(common::root().join("profiles/cert-eu-it-security-officer.toml"))
            .unwrap();
    let changed = original.replacen("weight = 3", "weight = 2", 1);
    assert_ne!(original, changed, "the profile has a weight to change");
    let profile_dir = tempfile::tempdir().unwrap();
    let profile = profile_dir.path().join("changed.toml");
    std::fs::write(&profile, changed).unwrap();
    let profile = profile.to_str().unwrap();

    let reused = tempfile::tempdir().unwrap();
    common::run_ok(&corpus, reused.path(), &[]);
    let before = std::fs::read(reused.path().join("shortlist.csv")).unwrap();
    common::run_ok(&corpus, reused.path(), &["--profile", profile]);
    assert_eq!(
        common::run_manifest(reused.path())["extracted"],
        0,
        "nothing is extracted again"
    );

    let fresh = tempfile::tempdir().unwrap();
    common::run_ok(&corpus, fresh.path(), &["--profile", profile]);
    let csv = |work: &tempfile::TempDir| std::fs::read(work.path().join("shortlist.csv")).unwrap();
    assert_ne!(csv(&reused), before, "the new weight changes scores");
    assert_eq!(csv(&reused), csv(&fresh));
}
