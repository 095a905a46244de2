//! Random but realistic CV synthesiser (Europass-like), deterministic per seed.

use crate::langs::{role, DateStyle, Lang, LANGS};
use crate::markup;
use crate::producers::{self, Options, Producer};
use crate::rng::Rng;
use std::fmt::Write as _;
use std::path::Path;

/// A synthesised CV source text and its attributes.
pub struct Cv {
    /// File stem, e.g. `pl-strong-03-cid`.
    pub name: String,
    /// Source text in corpus markup.
    pub source: String,
    /// Language code.
    pub lang: &'static str,
    /// Producer.
    pub producer: Producer,
    /// `strong`, `medium` or `weak`.
    pub profile: &'static str,
}

const LANG_ORDER: [&str; 9] = ["en", "fr", "de", "pl", "el", "es", "it", "nl", "pt"];

const SEC_SKILLS: &[&str] = &[
    "SIEM: Splunk, Microsoft Sentinel, QRadar",
    "EDR: Microsoft Defender for Endpoint, CrowdStrike Falcon",
    "Cloud security: Azure (Defender for Cloud, Entra ID), AWS (GuardDuty, Security Hub, IAM)",
    "Windows and Linux hardening (CIS Benchmarks)",
    "Networking: TCP/IP, firewalls, VPN, IDS/IPS, Wireshark",
    "Frameworks: ISO/IEC 27001, NIST CSF, NIS2",
    "Scripting: Python, PowerShell, Bash",
    "Threat intelligence: MISP, MITRE ATT&CK",
    "Vulnerability management: Nessus, Qualys",
];
const MED_SKILLS: &[&str] = &[
    "Windows Server, Active Directory, Group Policy",
    "Linux (Debian, RHEL), Bash",
    "Networking: Cisco, VLAN, VPN, firewalls",
    "VMware vSphere, Veeam Backup",
    "Microsoft 365 administration",
    "Basic SIEM use (Splunk)",
];
const WEAK_SKILLS: [&[&str]; 5] = [
    &[
        "SAP FI/CO",
        "Microsoft Excel (advanced)",
        "IFRS",
        "Financial audits",
    ],
    &[
        "Google Analytics",
        "Meta Ads",
        "Adobe Creative Suite",
        "Brand awareness campaigns",
    ],
    &["AutoCAD", "Revit", "SketchUp", "BIM"],
    &[
        "React, Node.js, TypeScript",
        "AWS Lambda, S3, CloudFront",
        "HTML, CSS",
        "Git",
    ],
    &[
        "Patient care",
        "Medication safety",
        "Hygiene protocols",
        "First aid",
    ],
];
const SEC_CERTS: &[&str] = &[
    "CISSP (ISC2)",
    "CISM (ISACA)",
    "ISO/IEC 27001 Lead Auditor",
    "GIAC Certified Incident Handler (GCIH)",
    "AWS Certified Security – Specialty",
    "Microsoft Certified: Azure Security Engineer Associate (AZ-500)",
    "OSCP",
];
const MED_CERTS: &[&str] = &[
    "CompTIA Security+",
    "Cisco CCNA",
    "Microsoft Certified: Azure Administrator Associate",
    "ITIL 4 Foundation",
];

/// Folds a name to ASCII for e-mail addresses (Greek transliterated).
fn ascii_fold(s: &str) -> String {
    let mut o = String::new();
    for c in s.to_lowercase().chars() {
        let t = match c {
            'α' | 'ά' => "a",
            'β' => "v",
            'γ' => "g",
            'δ' => "d",
            'ε' | 'έ' => "e",
            'ζ' => "z",
            'η' | 'ή' | 'ι' | 'ί' | 'ϊ' | 'ΐ' => "i",
            'θ' => "th",
            'κ' => "k",
            'λ' => "l",
            'μ' => "m",
            'ν' => "n",
            'ξ' => "x",
            'ο' | 'ό' | 'ω' | 'ώ' => "o",
            'π' => "p",
            'ρ' => "r",
            'σ' | 'ς' => "s",
            'τ' => "t",
            'υ' | 'ύ' | 'ϋ' => "y",
            'φ' => "f",
            'χ' => "ch",
            'ψ' => "ps",
            ' ' | '-' => ".",
            'ß' => "ss",
            c => {
                let b = crate::fonts::base_letter(c);
                if b.is_ascii_alphanumeric() {
                    o.push(b.to_ascii_lowercase());
                }
                ""
            }
        };
        o.push_str(t);
    }
    o
}

fn month(l: &Lang, y: u32, m: u32, names: bool) -> String {
    if names {
        return format!("{} {y}", l.months[(m - 1) as usize]);
    }
    match l.style {
        DateStyle::Slash => format!("{m:02}/{y}"),
        DateStyle::Dot => format!("{m:02}.{y}"),
        DateStyle::MonthName => format!("{} {y}", l.months[(m - 1) as usize]),
        DateStyle::Iso => format!("{y}-{m:02}"),
    }
}

fn range(l: &Lang, s: (u32, u32), e: Option<(u32, u32)>) -> String {
    let dash = if l.code == "en" { "-" } else { "–" };
    match e {
        Some(e) => format!(
            "{} {dash} {}",
            month(l, s.0, s.1, false),
            month(l, e.0, e.1, false)
        ),
        None if !l.since.is_empty() => {
            format!("{} {}", l.since, month(l, s.0, s.1, l.code == "de"))
        }
        None => format!("{} {dash} {}", month(l, s.0, s.1, false), l.present),
    }
}

/// Synthesises CV number `i` for `seed`. Languages and producers rotate so
/// any run of 9 (resp. 3) CVs covers all languages (resp. producers).
pub fn synth(seed: u64, i: u64) -> Cv {
    let mut r = Rng::new(seed.wrapping_mul(0xD1B5_4A32_D192_ED03) ^ i);
    let li = ((i + seed) % 9) as usize;
    let l = &LANGS[li];
    let mut producer = Producer::ALL[((i / 9 + i) % 3) as usize];
    let profile = *r.pick(&[
        "strong", "strong", "strong", "medium", "medium", "weak", "weak",
    ]);
    let (first, last) = (*r.pick(l.first), *r.pick(l.last));
    let full = format!("{first} {last}");
    let years = match profile {
        "strong" => r.range(5, 12),
        "medium" => r.range(3, 8),
        _ => r.range(3, 15),
    };
    let weak_role = *r.pick(&[
        role::ACCOUNTANT,
        role::MARKETING,
        role::ARCHITECT,
        role::WEBDEV,
        role::NURSE,
    ]);
    // Roles from most recent to oldest.
    let roles: Vec<usize> = match profile {
        "strong" => {
            let k = r.range(2, 3) as usize;
            let mut v = r.sample(&[role::SOC, role::CLOUD, role::AUDIT], k);
            if r.chance(0.4) {
                v.push(role::SYSADMIN);
            }
            v
        }
        "medium" => vec![role::SOC, role::SYSADMIN],
        _ => vec![weak_role, weak_role],
    };
    let mut s = String::new();
    let _ = writeln!(s, "% lang: {}", l.code);
    let _ = writeln!(s, "% producer: {}", producer.name());
    let _ = writeln!(s, "% profile: {profile}");
    let _ = writeln!(s, "% title: CV {full}");
    let _ = writeln!(s, "= {full}");
    let _ = writeln!(s, "{}", l.roles[roles[0]].title);
    s.push('\n');
    // Sidebar: personal data, languages, skills, certifications.
    let by = r.range(1968, 1998);
    let (bd, bm) = (r.range(1, 28), r.range(1, 12));
    let birth = match l.style {
        DateStyle::Dot => format!("{bd:02}.{bm:02}.{by}"),
        DateStyle::Iso => format!("{bd:02}-{bm:02}-{by}"),
        _ => format!("{bd:02}/{bm:02}/{by}"),
    };
    let city = *r.pick(l.cities);
    let email = format!(
        "{}@example.{}",
        ascii_fold(&full),
        if l.code == "el" {
            "gr"
        } else if l.code == "en" {
            "ie"
        } else {
            l.code
        }
    );
    let h = &l.headings;
    let _ = writeln!(s, "@sidebar\n# {}", h[0]);
    let _ = writeln!(s, "| {} | {email} |", l.labels[0]);
    let _ = writeln!(
        s,
        "| {} | {} {} {} |",
        l.labels[1],
        l.phone,
        r.range(100, 999),
        r.range(100, 999)
    );
    let _ = writeln!(s, "| {} | {} |", l.labels[2], l.nationality);
    let _ = writeln!(s, "| {} | {birth} |", l.labels[3]);
    let _ = writeln!(s, "| {} | {city} |", l.labels[4]);
    let _ = writeln!(s, "\n# {}", h[4]);
    let own = LANG_ORDER.iter().position(|c| *c == l.code).unwrap_or(0);
    let _ = writeln!(s, "| {} | {} |", l.lang_names[own], l.native);
    let levels: &[&str] = match profile {
        "strong" => &["C1", "C2"],
        "medium" => &["B2", "C1"],
        _ => &["B1", "B2"],
    };
    let mut others: Vec<usize> = if own == 0 { vec![1] } else { vec![0] };
    let extra = r.sample(&[1usize, 2, 5, 6, 7], 2);
    for e in extra.into_iter().take(r.range(0, 2) as usize) {
        if e != own && !others.contains(&e) {
            others.push(e);
        }
    }
    for (k, o) in others.iter().enumerate() {
        let lvl = if k == 0 {
            *r.pick(levels)
        } else {
            *r.pick(&["A2", "B1", "B2", "C1"])
        };
        let _ = writeln!(s, "| {} | {lvl} |", l.lang_names[*o]);
    }
    let _ = writeln!(s, "\n# {}", h[5]);
    let skills: Vec<&str> = match profile {
        "strong" => r.sample(SEC_SKILLS, 6),
        "medium" => r.sample(MED_SKILLS, 4),
        _ => WEAK_SKILLS[weak_role - role::ACCOUNTANT].to_vec(),
    };
    for sk in skills {
        let _ = writeln!(s, "- {sk}");
    }
    let certs: Vec<&str> = match profile {
        "strong" => {
            let k = r.range(2, 4) as usize;
            r.sample(SEC_CERTS, k)
        }
        "medium" => r.sample(MED_CERTS, 2),
        _ => vec![],
    };
    if !certs.is_empty() {
        let _ = writeln!(s, "\n# {}", h[6]);
        for c in certs {
            let _ = writeln!(s, "- {c} ({})", r.range(2015, 2025));
        }
    }
    // Main column.
    let _ = writeln!(s, "\n@main\n# {}", h[1]);
    let pi = match profile {
        "strong" => 0,
        "medium" => 1,
        _ => 2,
    };
    let _ = writeln!(
        s,
        "{}",
        l.profiles[pi]
            .replace("{Y}", &years.to_string())
            .replace("{R}", l.roles[roles[0]].title)
    );
    if profile == "strong" && r.chance(0.7) {
        let _ = writeln!(s, "{}", l.clearance);
    }
    let _ = writeln!(s, "\n# {}", h[2]);
    // Split `years` across roles, ending now (03/2026).
    let mut end: Option<(u32, u32)> = None;
    let (mut cy, mut cm) = (2026u32, 3u32);
    let total_months = years * 12;
    let n = roles.len() as u32;
    for (k, &ro) in roles.iter().enumerate() {
        let months = if k as u32 == n - 1 {
            total_months
                .saturating_sub((total_months / n) * (n - 1))
                .max(6)
        } else {
            (total_months / n).max(6) + r.range(0, 5)
        };
        let start_abs = (cy * 12 + cm - 1).saturating_sub(months);
        let start = (start_abs / 12, start_abs % 12 + 1);
        let rl = &l.roles[ro];
        let emp = *r.pick(rl.employers);
        let _ = writeln!(s, "## {} – {emp}", rl.title);
        let _ = writeln!(s, "{}", range(l, start, end));
        for b in rl.bullets {
            let _ = writeln!(s, "- {b}");
        }
        s.push('\n');
        let prev_abs = start_abs.saturating_sub(1 + r.range(0, 2));
        cy = prev_abs / 12;
        cm = prev_abs % 12 + 1;
        end = Some((cy, cm));
    }
    let _ = writeln!(s, "# {}", h[3]);
    let deg_role = if profile == "weak" {
        weak_role
    } else {
        roles[0]
    };
    let grad = cy.saturating_sub(r.range(0, 2));
    let _ = writeln!(s, "## {}", l.roles[deg_role].degree);
    let _ = writeln!(s, "{} – {grad}", grad - r.range(2, 5));
    if profile != "weak" && r.chance(0.5) {
        let _ = writeln!(s, "\n## {}", l.roles[role::SYSADMIN].degree);
        let g2 = grad - 5;
        let _ = writeln!(s, "{} – {g2}", g2 - 3);
    }
    // Optional application form.
    if r.chance(0.4) {
        let motivation = match profile {
            "strong" => "I have led incident response and ISO 27001 audits for years and would like to bring this experience to CERT-EU, supporting Union entities with guidance, awareness sessions and security audits.",
            "medium" => "After several years in system administration I want to grow as a cybersecurity expert and contribute to the protection of the Union entities.",
            _ => "I am highly motivated to join the European Commission and I am ready to learn about cybersecurity.",
        };
        let _ = writeln!(s, "\n@form\n# APPLICATION FORM – CALL FOR INTEREST");
        let _ = writeln!(s, "| Call for interest reference: | EC/2026/DIGIT/504595 |");
        let _ = writeln!(
            s,
            "| Job title: | IT Security Officer - Cybersecurity Expert - Security Consultation |"
        );
        let _ = writeln!(s, "| Surname: | {last} |");
        let _ = writeln!(s, "| First name: | {first} |");
        let _ = writeln!(s, "| Nationality: | {} |", l.nationality);
        let _ = writeln!(s, "| Date of birth: | {birth} |");
        let _ = writeln!(
            s,
            "| EPSO CAST registration number: | CAST/P/{}/{:06} |",
            r.range(20, 26),
            r.range(0, 999_999)
        );
        let _ = writeln!(s, "| Function group: | FG IV |");
        let _ = writeln!(
            s,
            "| Security clearance: | {} |",
            if profile == "strong" {
                "EU SECRET"
            } else {
                "none, willing to be cleared"
            }
        );
        let _ = writeln!(s, "| Motivation: | {motivation} |");
        let _ = writeln!(s, "| Date and signature: | {city}, 10/04/2026, {full} |");
    }
    if !producer.supports(&s) {
        producer = if i.is_multiple_of(2) {
            Producer::Cid
        } else {
            Producer::Table
        };
        s = s.replacen(
            "% producer: simple",
            &format!("% producer: {}", producer.name()),
            1,
        );
    }
    Cv {
        name: format!("{}-{profile}-{i:03}-{}", l.code, producer.name()),
        source: s,
        lang: l.code,
        producer,
        profile,
    }
}

/// Writes `n` synthesised CV PDFs to `out`, truths to `out/truth/` and a
/// `manifest.tsv`, using all CPU cores.
pub fn bulk(n: u64, seed: u64, out: &Path) -> Result<(), String> {
    let truth = out.join("truth");
    std::fs::create_dir_all(&truth).map_err(|e| e.to_string())?;
    let threads = std::thread::available_parallelism().map_or(4, |x| x.get()) as u64;
    let rows: Vec<String> = std::thread::scope(|sc| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let truth = &truth;
                sc.spawn(move || -> Result<Vec<String>, String> {
                    let mut rows = Vec::new();
                    let mut i = t;
                    while i < n {
                        let cv = synth(seed, i);
                        let doc = markup::parse(&cv.source);
                        let opts = Options {
                            title: format!("CV {}", cv.name),
                            user_password: None,
                        };
                        let pdf = producers::render(&doc, cv.producer, &opts)?;
                        let stem = format!("cv-{i:06}");
                        std::fs::write(out.join(format!("{stem}.pdf")), pdf)
                            .map_err(|e| e.to_string())?;
                        std::fs::write(truth.join(format!("{stem}.txt")), markup::truth(&doc))
                            .map_err(|e| e.to_string())?;
                        rows.push(format!(
                            "{stem}.pdf\t{}\t{}\t{}\t{}\tok\ttruth/{stem}.txt\n",
                            cv.lang,
                            cv.producer.name(),
                            cv.profile,
                            doc.blocks.contains(&markup::Block::Form)
                        ));
                        i += threads;
                    }
                    Ok(rows)
                })
            })
            .collect();
        let mut all = Vec::new();
        for h in handles {
            all.extend(h.join().map_err(|_| "worker panicked".to_string())??);
        }
        Ok::<_, String>(all)
    })?;
    let mut rows = rows;
    rows.sort();
    let mut m =
        String::from("file\tlanguage\tproducer\tprofile\tapplication_form\tstatus\ttruth\n");
    m.extend(rows);
    std::fs::write(out.join("manifest.tsv"), m).map_err(|e| e.to_string())
}
