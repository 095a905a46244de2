//! Professional certifications (security, cloud, networking, service management) under canonical names.

use crate::text::{fold, hits_by_line, lines_with_offsets, Folded, Needles};
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// Stands for "any of `CUES`" in an alternative.
const CUE: &str = "@cue";
/// Words showing that a line lists certifications.
const CUES: &[&str] = &[
    "certif*",
    "zertifi*",
    "certyfik*",
    "πιστοποι*",
    "isaca",
    "cissp",
    "cism",
    "crisc",
    "oscp",
    "ceh",
    "giac",
    "sertifi*",
    "certifika*",
    "tanúsítv*",
];

/// Canonical name, then alternatives: each alternative lists needles that must all occur on one line.
const CERTS: &[(&str, &[&[&str]])] = &[
    (
        "AWS Certified Security – Specialty",
        &[
            &["aws certified security"],
            &["aws", "security specialty"],
            &["aws", "security - specialty"],
        ],
    ),
    (
        "AZ-500",
        &[
            &["az-500"],
            &["az 500"],
            &["az500"],
            &["azure security engineer associate"],
        ],
    ),
    (
        "CASP+",
        &[
            &["casp+"],
            &["casp"],
            &["comptia advanced security practitioner"],
        ],
    ),
    ("CCIE", &[&["ccie"]]),
    ("CCNA", &[&["ccna"]]),
    ("CCNP", &[&["ccnp"]]),
    ("CCSK", &[&["ccsk"]]),
    ("CCSP", &[&["ccsp"]]),
    ("CEH", &[&["ceh"], &["certified ethical hacker"]]),
    ("CGEIT", &[&["cgeit"]]),
    ("CHFI", &[&["chfi"]]),
    ("CIPP/E", &[&["cipp/e"], &["cipp"]]),
    (
        "CISA",
        &[&["cisa", CUE], &["certified information systems auditor"]],
    ),
    (
        "CISM",
        &[&["cism"], &["certified information security manager"]],
    ),
    ("CISSP", &[&["cissp"]]),
    ("COBIT", &[&["cobit"]]),
    ("CRISC", &[&["crisc"]]),
    ("CSSLP", &[&["csslp"]]),
    ("CompTIA CySA+", &[&["cysa+"], &["cysa"]]),
    ("CompTIA Network+", &[&["network+"]]),
    ("CompTIA PenTest+", &[&["pentest+"]]),
    (
        "CompTIA Security+",
        &[
            &["security+"],
            &["security +"],
            &["comptia security"],
            &["sec+"],
        ],
    ),
    ("GCFA", &[&["gcfa"]]),
    ("GCIA", &[&["gcia"]]),
    ("GCIH", &[&["gcih"]]),
    ("GCTI", &[&["gcti"]]),
    ("GNFA", &[&["gnfa"]]),
    ("GPEN", &[&["gpen"]]),
    ("GREM", &[&["grem"]]),
    ("GSEC", &[&["gsec"]]),
    ("ISO 22301 Lead Auditor", &[&["22301", "lead auditor"]]),
    (
        "ISO 27001 Lead Auditor",
        &[
            &["27001", "lead auditor"],
            &["27001", "auditeur principal"],
            &["27001", "auditor wiodący"],
            &["27001", "auditor líder"],
            &["27001", "auditor jefe"],
            &["27001", "auditor lider"],
        ],
    ),
    (
        "ISO 27001 Lead Implementer",
        &[
            &["27001", "lead implementer"],
            &["27001", "implementador líder"],
        ],
    ),
    ("ISO 27005 Risk Manager", &[&["27005", "risk manager"]]),
    (
        "IT-Grundschutz-Praktiker",
        &[&["grundschutz-praktiker"], &["grundschutz praktiker"]],
    ),
    ("ITIL", &[&["itil"]]),
    (
        "OSCE",
        &[
            &["osce", CUE],
            &["osce", "offensive security"],
            &["osce3"],
            &["offensive security certified expert"],
        ],
    ),
    (
        "OSCP",
        &[&["oscp"], &["offensive security certified professional"]],
    ),
    ("OSEP", &[&["osep"]]),
    ("OSWE", &[&["oswe"]]),
    ("PMP", &[&["pmp"]]),
    ("PRINCE2", &[&["prince2"], &["prince 2"]]),
    (
        "SC-100",
        &[
            &["sc-100"],
            &["sc 100"],
            &["cybersecurity architect expert"],
        ],
    ),
    (
        "SC-200",
        &[
            &["sc-200"],
            &["sc 200"],
            &["security operations analyst associate"],
        ],
    ),
    ("SC-300", &[&["sc-300"], &["sc 300"]]),
    ("SSCP", &[&["sscp"]]),
    ("TOGAF", &[&["togaf"]]),
];

/// `CERTS` compiled: one automaton over `CUES` then every other needle, and per certification
/// its alternatives as needle ids (`None` = any cue).
struct Table {
    /// `CUES` then the other needles, each with its own id.
    needles: Needles,
    /// Canonical name, then alternatives of needle ids that must all occur on one line.
    certs: Vec<(&'static str, Vec<Vec<Option<usize>>>)>,
}

/// The compiled `CERTS`, built once.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut folded: Vec<String> = CUES.iter().map(|cue| fold(cue)).collect();
        let mut id_of = |needle: &str| {
            (needle != CUE).then(|| {
                folded.push(fold(needle));
                folded.len() - 1
            })
        };
        let certs = CERTS
            .iter()
            .map(|(name, alternatives)| {
                let alternatives = alternatives
                    .iter()
                    .map(|all| all.iter().map(|needle| id_of(needle)).collect())
                    .collect();
                (*name, alternatives)
            })
            .collect();
        Table {
            needles: Needles::new(folded.iter().map(String::as_str)),
            certs,
        }
    })
}

/// Certifications present in the text: canonical names, sorted, deduplicated. Words that are also
/// organisation names (CISA the US agency, OSCE the Organization) count only next to a certification cue.
pub fn certifications(text: &str) -> Vec<String> {
    certifications_in(&Folded::new(text))
}

/// [`certifications`] in a text already folded (the scorer folds a CV once for every fact).
pub(crate) fn certifications_in(folded: &Folded) -> Vec<String> {
    let lines = lines_with_offsets(&folded.text);
    let table = table();
    let mut out = BTreeSet::new();
    for hits in hits_by_line(&lines, table.needles.hits(&folded.text)) {
        let mut found: Vec<usize> = hits.iter().map(|hit| hit.needle).collect();
        found.sort_unstable();
        found.dedup();
        if found.is_empty() {
            continue;
        }
        let present = |needle: &Option<usize>| match needle {
            None => found.first().is_some_and(|&id| id < CUES.len()),
            Some(id) => found.binary_search(id).is_ok(),
        };
        for (name, alternatives) in &table.certs {
            if alternatives.iter().any(|all| all.iter().all(present)) {
                out.insert((*name).to_string());
            }
        }
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_sorted_deduplicated() {
        let cv = "Certifications: CISSP (2019), CISM, OSCP\nCompTIA Security+ ; CISSP renewed\nMicrosoft AZ-500, SC-200\n\
                  AWS Certified Security – Specialty\nISO/IEC 27001:2013 Lead Auditor (PECB)\nITIL v4 Foundation, CCNA";
        assert_eq!(
            certifications(cv),
            [
                "AWS Certified Security – Specialty",
                "AZ-500",
                "CCNA",
                "CISM",
                "CISSP",
                "CompTIA Security+",
                "ISO 27001 Lead Auditor",
                "ITIL",
                "OSCP",
                "SC-200"
            ]
        );
    }

    #[test]
    fn examples_in_several_languages() {
        assert_eq!(
            certifications("Certifications : CISSP, CEH, ISO 27001 Lead Implementer"),
            ["CEH", "CISSP", "ISO 27001 Lead Implementer"]
        );
        assert_eq!(
            certifications("Zertifizierungen: CISA, GCIH, BSI IT-Grundschutz-Praktiker"),
            ["CISA", "GCIH", "IT-Grundschutz-Praktiker"]
        );
        assert_eq!(
            certifications(
                "Certyfikaty: CISSP, Audytor wiodący ISO 27001 (auditor wiodący ISO 27001)"
            ),
            ["CISSP", "ISO 27001 Lead Auditor"]
        );
        assert_eq!(
            certifications("Πιστοποιήσεις: CISM, CompTIA Security+"),
            ["CISM", "CompTIA Security+"]
        );
        assert_eq!(
            certifications("Certificaciones: CISA (ISACA), Auditor Líder ISO 27001"),
            ["CISA", "ISO 27001 Lead Auditor"]
        );
        assert_eq!(
            certifications("Certificazioni: GCIA, GSEC, ITIL"),
            ["GCIA", "GSEC", "ITIL"]
        );
    }

    #[test]
    fn organisation_names_are_not_certificates() {
        assert!(
            certifications("Seconded to the OSCE mission in Kosovo\nFollowed CISA advisories")
                .is_empty()
        );
        assert!(certifications("cissps and ccnas are plural nonsense; GCIHx").is_empty());
    }
}
