//! Profile validation: the shipped profile loads, and every malformed profile names its line.

use super::*;

const MINIMAL: &str = r#"
[job]
reference = "X/1"
title = "Test"
deadline = "2026-04-24"

[[criterion]]
id = "cloud"
label = "Cloud"
weight = 1
[[criterion.evidence]]
terms.en = ["cloud security"]
"#;

fn error_of(text: &str) -> (usize, String) {
    match Profile::parse(text, "test.toml") {
        Err(FatalError::Profile { line, reason, .. }) => (line, reason),
        Err(other) => panic!("unexpected error {other}"),
        Ok(_) => panic!("profile should be rejected:\n{text}"),
    }
}

#[test]
fn the_shipped_profile_is_valid_and_covers_the_posting() {
    let profile = Profile::parse(EMBEDDED_PROFILE, "embedded").unwrap();
    assert_eq!(profile.job.reference, "EC/2026/DIGIT/504595");
    let ids: Vec<&str> = profile.criteria.iter().map(|c| c.id.as_str()).collect();
    for required in [
        "cyber_experience",
        "security_architecture",
        "sysadmin_networking",
        "windows_linux_security",
        "cloud_security",
        "risk_controls",
        "security_audits",
        "awareness_material",
        "guidelines_baseline",
        "outreach_workshops",
        "clearance",
    ] {
        assert!(ids.contains(&required), "missing criterion {required}");
    }
    assert_eq!(profile.gates.len(), 2);
    for criterion in &profile.criteria {
        if let CriterionRule::Evidence { groups, .. } = &criterion.rule {
            for code in [
                "en", "fr", "de", "pl", "el", "es", "it", "nl", "pt", "sv", "cs", "ro", "fi",
            ] {
                let language = crate::lang::EuLanguage::from_code(code);
                assert!(
                    groups
                        .iter()
                        .any(|group| group.terms.has_language(language)),
                    "{}: no terms in {code}",
                    criterion.id
                );
            }
        }
    }
}

#[test]
fn a_minimal_profile_loads() {
    let profile = Profile::parse(MINIMAL, "test.toml").unwrap();
    assert_eq!(profile.total_weight(), 1.0);
    assert_eq!(profile.sha256.len(), 64);
}

#[test]
fn syntax_errors_name_the_line() {
    let (line, _) = error_of(&MINIMAL.replace("weight = 1", "weight = = 1"));
    assert_eq!(line, 10);
}

#[test]
fn unknown_keys_are_errors() {
    let (line, reason) = error_of(&MINIMAL.replace("weight = 1", "weight = 1\nwieght = 2"));
    assert_eq!(line, 11);
    assert!(reason.contains("wieght"), "{reason}");
}

#[test]
fn negative_and_zero_total_weights_are_errors() {
    let (line, reason) = error_of(&MINIMAL.replace("weight = 1", "weight = -1"));
    assert_eq!(line, 10);
    assert!(reason.contains("weight"), "{reason}");
    let (_, reason) = error_of(&MINIMAL.replace("weight = 1", "weight = 0"));
    assert!(reason.contains("more than zero"), "{reason}");
}

#[test]
fn a_criterion_without_terms_is_an_error() {
    let text = MINIMAL.replace(
        "[[criterion.evidence]]\nterms.en = [\"cloud security\"]\n",
        "",
    );
    let (line, reason) = error_of(&text);
    assert_eq!(line, 8);
    assert!(reason.contains("no terms"), "{reason}");
}

#[test]
fn unknown_language_codes_are_errors() {
    let (line, reason) = error_of(&MINIMAL.replace("terms.en", "terms.xx"));
    assert_eq!(line, 12);
    assert!(reason.contains("\"xx\""), "{reason}");
}

#[test]
fn duplicated_ids_are_errors() {
    let text = format!("{MINIMAL}\n[[criterion]]\nid = \"cloud\"\nlabel = \"Again\"\nweight = 1\n[[criterion.evidence]]\nterms.en = [\"aws\"]\n");
    let (line, reason) = error_of(&text);
    assert_eq!(line, 15);
    assert!(reason.contains("duplicated"), "{reason}");
}
