//! Bad profiles through the real binary: exit code 2, `file:line: reason` on stderr, and
//! nothing written (the profile is checked before any PDF is read or the index is opened).

mod common;

/// Fixture, the line the error must name, and a piece of the reason.
const CASES: [(&str, usize, &str); 7] = [
    ("syntax-error.toml", 9, "invalid"),
    ("unknown-key.toml", 10, "unknown field `colour`"),
    ("negative-weight.toml", 9, "must be zero or positive"),
    ("zero-total-weight.toml", 6, "must add up to more than zero"),
    ("criterion-without-terms.toml", 7, "has no terms"),
    ("unknown-language.toml", 11, "unknown language code \"xx\""),
    ("duplicated-id.toml", 14, "duplicated id \"cloud\""),
];

#[test]
fn every_bad_profile_fails_before_any_pdf_is_read() {
    let fixtures = common::root().join("tests/fixtures/profiles");
    let input = common::root().join("corpus");
    for (name, line, reason) in CASES {
        let work = tempfile::tempdir().unwrap();
        let profile = fixtures.join(name);
        let output = common::run(
            &input,
            work.path(),
            &["--profile", profile.to_str().unwrap()],
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
        let location = format!("{}:{line}: ", profile.display());
        assert!(
            stderr.contains(&location),
            "{name}: wanted {location:?} in {stderr}"
        );
        assert!(
            stderr.contains(reason),
            "{name}: wanted {reason:?} in {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert!(
            !work.path().join("shortlist.csv").exists(),
            "{name}: a CSV was written"
        );
        assert!(
            !work.path().join("shortlist.csv.manifest.json").exists(),
            "{name}: a manifest was written"
        );
        assert!(
            !work.path().join("index").exists(),
            "{name}: the index was opened"
        );
    }
}

#[test]
fn the_valid_base_of_the_bad_profiles_runs() {
    // Guards the fixtures: each bad profile differs from this one by its one defect.
    let work = tempfile::tempdir().unwrap();
    let profile = common::root().join("tests/fixtures/profiles/valid.toml");
    let output = common::run(
        &common::root().join("corpus"),
        work.path(),
        &["--profile", profile.to_str().unwrap()],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(work.path().join("shortlist.csv").is_file());
}

#[test]
fn a_missing_or_non_utf8_profile_is_a_clean_fatal_error() {
    let work = tempfile::tempdir().unwrap();
    let missing = work.path().join("nope.toml");
    let output = common::run(
        &common::root().join("corpus"),
        work.path(),
        &["--profile", missing.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nope.toml"));
    let binary = work.path().join("binary.toml");
    std::fs::write(&binary, b"[job]\nreference = \"\xff\xfe\"\n").unwrap();
    let output = common::run(
        &common::root().join("corpus"),
        work.path(),
        &["--profile", binary.to_str().unwrap()],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("binary.toml") && !stderr.contains("panicked"),
        "{stderr}"
    );
    assert!(!work.path().join("shortlist.csv").exists());
}
