//! `cvgen eval`: the labelled evaluation set (tests/eval). Every CV is built
//! from a language-independent [`Spec`] (jobs with dates and evidence,
//! education, languages, clearance) and rendered in one of 13 languages; the
//! labels (grade, years, eligibility) are computed from the spec by the
//! rubric in `eval/RUBRIC.md`, never from any scorer.

use crate::evalvocab::{ev, title, Near, CODES, V, VS};
use crate::langs::LANGS;
use crate::markup::{self, HiddenMode};
use crate::producers::{self, Options, Producer};
use crate::rng::Rng;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

/// April 2026 (the month of the deadline 24.04.2026) as `year * 12 + month - 1`.
pub const NOW: i32 = 2026 * 12 + 3;

const README: &str = include_str!("../eval/README.md");
const RUBRIC: &str = include_str!("../eval/RUBRIC.md");

/// The posting's required skills ("WE LOOK FOR"), as evidence indices.
const REQUIRED: [usize; 6] = [
    ev::ARCH,
    ev::SYSNET,
    ev::WINLIN,
    ev::CLOUD,
    ev::RISK,
    ev::AWARE,
];
const SEC_TITLES: [usize; 7] = [
    title::SOC,
    title::CLOUD,
    title::ISO,
    title::ARCH,
    title::CONSULT,
    title::AUDITOR,
    title::PENTEST,
];
const SEC_CERTS: [&str; 7] = [
    "CISSP (ISC2)",
    "CISM (ISACA)",
    "ISO/IEC 27001 Lead Auditor",
    "Microsoft Certified: Azure Security Engineer Associate (AZ-500)",
    "AWS Certified Security – Specialty",
    "CompTIA Security+",
    "OSCP",
];
const IT_CERTS: [&str; 4] = [
    "Cisco CCNA",
    "Microsoft Certified: Azure Administrator Associate",
    "Red Hat Certified System Administrator (RHCSA)",
    "ITIL 4 Foundation",
];
const EMPLOYERS: [&str; 16] = [
    "Helix Data Systems",
    "Northgate Cyber Services",
    "Arcadia Networks",
    "Bluefjord Consulting",
    "Meridian Public Services Agency",
    "Corvus Security Labs",
    "Lumen Health Group",
    "Tessaract Logistics",
    "Aurora Energy Grid",
    "Vantor Insurance",
    "Polaris Municipal IT Centre",
    "Cobalt Retail Group",
    "Sentinel Grid Operators",
    "Halcyon Bank",
    "Orion Telecom",
    "Quanta Manufacturing",
];
const ADDRESSES: [&str; 5] = [
    "Avenue Louise 231, 1050 Ixelles",
    "Rue Belliard 12, 1040 Etterbeek",
    "Chaussée de Wavre 480, 1040 Etterbeek",
    "Rue de la Loi 170, 1000 Bruxelles",
    "Boulevard Général Jacques 9, 1050 Ixelles",
];

/// The posting's requirement bullets and one paragraph, verbatim.
const POSTING: [&str; 14] = [
    "DIGIT CERT-EU is seeking to hire a truly motivated Cybersecurity Expert who will foster strong relationships, enhance cybersecurity capabilities, and facilitate knowledge sharing with our stakeholders, ultimately contributing to a more secure and resilient cyber landscape for all involved parties.",
    "Conducting outreach visits to Union entities to introduce and showcase the services offered by CERT-EU, specifically tailored for IT security teams.",
    "Participating in collaborating closely with Union entities to organise technical workshops and deliver engaging presentations during these events.",
    "Coordinate the drafting of guidelines on baseline IT security and cyber hygiene, and on the integration of CERT-EU services in existing IT operations.",
    "Undertake comprehensive IT security audits to evaluate and assess the effectiveness of current cybersecurity measures.",
    "A university-issued diploma or equivalent.",
    "At least three years of hands-on professional experience in cybersecurity.",
    "Knowledge in building a cybersecurity architecture which is aligned with business requirements.",
    "Experience in IT system administration and networking concepts.",
    "Experience with Windows and Linux security.",
    "Practical knowledge of cloud security, particularly in Azure and AWS environments.",
    "Practical implementation of security risk controls and mitigation strategies.",
    "Concrete experience in creating and presenting cybersecurity awareness material.",
    "The candidate must hold a security clearance at EU SECRET level or be in a position to be security cleared.",
];
const KEYWORDS: &str = "cybersecurity, cyber security, IT security officer, cybersecurity expert, security consultation, CERT-EU, security architecture, business requirements, IT system administration, networking, Windows security, Linux security, cloud security, Azure, AWS, security risk controls, mitigation strategies, risk management, cybersecurity awareness material, awareness trainings, presentations, IT security audits, ISO 27001, guidelines, baseline IT security, cyber hygiene, outreach visits, technical workshops, threat landscape, incident response, SOC, SIEM, EU SECRET, security clearance, hands-on experience, university diploma";

/// What a job's title refers to.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Title {
    /// Index into [`V::titles`].
    T(usize),
    /// Near-miss profession from [`V::near`].
    Near(usize),
    /// Near-miss role of the committed corpus vocabulary (`langs::LANGS`).
    Legacy(usize),
}

#[derive(Clone, Debug)]
struct Job {
    title: Title,
    start: i32,
    /// `None` = present.
    end: Option<i32>,
    ev: Vec<usize>,
    emp: usize,
}

impl Job {
    fn security(&self) -> bool {
        matches!(self.title, Title::T(t) if SEC_TITLES.contains(&t))
    }
    fn months(&self) -> std::ops::RangeInclusive<i32> {
        self.start..=self.end.unwrap_or(NOW)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Edu {
    None,
    Voc,
    Bachelor,
    Master,
    /// The near-miss profession's own degree.
    Own,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Extra {
    None,
    Keywords,
    Pasted,
    Hidden(HiddenMode),
}

#[derive(Clone, Debug)]
struct Person {
    country: usize,
    female: bool,
    name: usize,
    born: (u32, u32, u32),
    city: usize,
    addr: Option<usize>,
    phone: (u32, u32),
}

#[derive(Clone, Debug)]
struct Spec {
    lang: usize,
    /// Country where the person worked and studied (employer cities, universities).
    work: usize,
    producer: Producer,
    person: Person,
    jobs: Vec<Job>,
    edu: Edu,
    edu_end: i32,
    langs: Option<Vec<(usize, u8)>>,
    clearance: u8,
    certs: Vec<&'static str>,
    style: u8,
    since: bool,
    year_only: bool,
    show_nat: bool,
    show_gp: bool,
    extra: Extra,
    kind: &'static str,
    group: String,
    pair: String,
}

/// Labels computed from a spec.
struct Labels {
    grade: u8,
    years: f64,
    eligible: &'static str,
}

fn lang_idx(code: &str) -> usize {
    CODES.iter().position(|c| *c == code).expect("language")
}

fn near_entry(v: &'static V, i: usize) -> &'static Near {
    &v.near[i]
}

fn legacy_idx(code: &str) -> usize {
    LANGS
        .iter()
        .position(|l| l.code == code)
        .expect("legacy language")
}

// ---------------------------------------------------------------- labels

fn sec_months(s: &Spec) -> usize {
    let mut set = BTreeSet::new();
    for j in s.jobs.iter().filter(|j| j.security()) {
        set.extend(j.months());
    }
    set.len()
}

fn eligible(s: &Spec) -> &'static str {
    let edu = match s.edu {
        Edu::None => None,
        Edu::Voc => Some(false),
        Edu::Bachelor | Edu::Master => Some(true),
        Edu::Own => Some(near_university(s)),
    };
    let langs = s.langs.as_ref().map(|ls| {
        let mut lv: Vec<u8> = ls.iter().map(|l| l.1.min(6)).collect();
        lv.sort_unstable_by(|a, b| b.cmp(a));
        lv.len() >= 2 && lv[0] >= 5 && lv[1] >= 4
    });
    match (edu, langs) {
        (Some(false), _) | (_, Some(false)) => "no",
        (Some(true), Some(true)) => "yes",
        _ => "unknown",
    }
}

fn near_university(s: &Spec) -> bool {
    match s.jobs.first().map(|j| j.title) {
        Some(Title::Near(i)) => VS[s.lang].near.get(i).is_none_or(|n| n.university),
        _ => true,
    }
}

fn evidence(s: &Spec) -> BTreeSet<usize> {
    let mut e = BTreeSet::new();
    for j in &s.jobs {
        for &x in &j.ev {
            e.insert(if x == ev::NET { ev::SYSNET } else { x });
        }
    }
    e
}

fn labels(s: &Spec) -> Labels {
    let months = sec_months(s);
    let years = months as f64 / 12.0;
    let el = eligible(s);
    let e = evidence(s);
    let req = REQUIRED.iter().filter(|r| e.contains(r)).count();
    let it = s
        .jobs
        .iter()
        .any(|j| matches!(j.title, Title::T(title::SYSADMIN) | Title::T(title::NETENG)));
    let grade = if years >= 3.0 && el == "yes" && req >= 4 {
        3
    } else if years >= 2.0 {
        2
    } else if months > 0 || it || e.contains(&ev::DEVSEC) {
        1
    } else {
        0
    };
    Labels {
        grade,
        years,
        eligible: el,
    }
}

// ---------------------------------------------------------------- rendering

fn ascii_fold(s: &str) -> String {
    let mut o = String::new();
    for c in s.to_lowercase().chars() {
        match c {
            ' ' | '-' => o.push('.'),
            'ß' => o.push_str("ss"),
            'ł' => o.push('l'),
            'ș' | 'ş' => o.push('s'),
            'ț' | 'ţ' => o.push('t'),
            'ă' | 'â' => o.push('a'),
            'î' => o.push('i'),
            'ě' => o.push('e'),
            'ř' => o.push('r'),
            'ů' => o.push('u'),
            'ď' => o.push('d'),
            'ť' => o.push('t'),
            'ň' => o.push('n'),
            'œ' => o.push_str("oe"),
            'å' => o.push('a'),
            'æ' => o.push_str("ae"),
            c => {
                let b = crate::fonts::base_letter(c);
                if b.is_ascii_alphanumeric() {
                    o.push(b.to_ascii_lowercase());
                }
            }
        }
    }
    o
}

fn person_name(p: &Person) -> &'static str {
    let v = &VS[p.country];
    if p.female {
        v.female[p.name]
    } else {
        v.male[p.name]
    }
}

fn month(v: &V, style: u8, t: i32) -> String {
    let (y, m) = (t / 12, t % 12 + 1);
    match style {
        0 => format!("{m:02}/{y}"),
        1 => format!("{m:02}.{y}"),
        2 => format!("{y}-{m:02}"),
        _ => format!("{} {y}", v.months[(m - 1) as usize]),
    }
}

fn range(v: &V, s: &Spec, j: &Job, first: bool) -> String {
    let dash = if v.code == "en" { "-" } else { "–" };
    match j.end {
        Some(e) => format!(
            "{} {dash} {}",
            month(v, s.style, j.start),
            month(v, s.style, e)
        ),
        None if s.since && first => {
            let d = if s.year_only {
                (j.start / 12).to_string()
            } else if s.style == 3 && !v.since_month {
                month(v, 0, j.start)
            } else {
                month(v, s.style, j.start)
            };
            v.since.replace("{d}", &d)
        }
        None => v.present.replace("{d}", &month(v, s.style, j.start)),
    }
}

fn skill_line(e: usize) -> Option<&'static str> {
    Some(match e {
        ev::SOC => "SIEM: Splunk, Microsoft Sentinel",
        ev::CLOUD => "Microsoft Azure, AWS",
        ev::RISK => "ISO/IEC 27005, NIST CSF",
        ev::AUDIT => "ISO/IEC 27001",
        ev::WINLIN => "Windows, Linux, CIS Benchmarks",
        ev::SYSNET => "Active Directory, TCP/IP, VLAN, VPN",
        ev::ARCH => "Zero Trust, TOGAF",
        ev::VULN => "Nessus, Qualys",
        ev::NET => "Cisco IOS, OSPF, BGP",
        ev::DEV => "Java, Python, Git",
        ev::DEVSEC => "OWASP, SonarQube",
        _ => return None,
    })
}

fn birth(v: &V, p: &Person) -> String {
    let (d, m, y) = p.born;
    let date = match v.code {
        "de" | "pl" | "cs" | "fi" | "ro" => format!("{d:02}.{m:02}.{y}"),
        "nl" => format!("{d:02}-{m:02}-{y}"),
        _ => format!("{d:02}/{m:02}/{y}"),
    };
    format!("{date}, {}", VS[p.country].cities[p.city])
}

fn title_text(v: &'static V, t: Title) -> &'static str {
    match t {
        Title::T(i) => v.titles[i],
        Title::Near(i) => near_entry(v, i).title,
        Title::Legacy(r) => LANGS[legacy_idx(v.code)].roles[r].title,
    }
}

fn bullets_of(v: &'static V, j: &Job) -> Vec<&'static str> {
    match j.title {
        Title::T(_) => j.ev.iter().map(|&e| v.ev[e]).collect(),
        Title::Near(i) => near_entry(v, i).bullets.to_vec(),
        Title::Legacy(r) => LANGS[legacy_idx(v.code)].roles[r].bullets.to_vec(),
    }
}

/// Writes the markup source of a spec.
fn source(s: &Spec) -> String {
    let v: &'static V = &VS[s.lang];
    let p = &s.person;
    let name = person_name(p);
    let h = &v.heads;
    let mut o = String::new();
    let _ = writeln!(o, "% lang: {}", v.code);
    let _ = writeln!(o, "% producer: {}", s.producer.name());
    let _ = writeln!(o, "% profile: {}", s.kind);
    let _ = writeln!(o, "% title: CV {name}");
    let _ = writeln!(o, "= {name}");
    if let Some(j) = s.jobs.first() {
        let _ = writeln!(o, "{}", title_text(v, j.title));
    }
    let _ = writeln!(o, "\n@sidebar\n# {}", h[0]);
    let pv = &VS[p.country];
    let _ = writeln!(
        o,
        "| {} | {}@example.{} |",
        v.labels[0],
        ascii_fold(name),
        pv.tld
    );
    let _ = writeln!(
        o,
        "| {} | {} {} {} |",
        v.labels[1], pv.phone, p.phone.0, p.phone.1
    );
    if s.show_nat {
        let nat = if v.nats.is_empty() {
            v.own_nat
        } else {
            v.nats[p.country]
        };
        let _ = writeln!(o, "| {} | {nat} |", v.labels[2]);
    }
    let _ = writeln!(o, "| {} | {} |", v.labels[3], birth(v, p));
    if s.show_gp {
        let _ = writeln!(
            o,
            "| {} | {} |",
            v.labels[5],
            v.gender[usize::from(!p.female)]
        );
    }
    let addr = match p.addr {
        Some(a) => ADDRESSES[a].to_string(),
        None => pv.cities[p.city].to_string(),
    };
    let _ = writeln!(o, "| {} | {addr} |", v.labels[4]);
    if s.show_gp {
        let _ = writeln!(o, "| {} | {name} |", v.labels[6]);
    }
    if let Some(ls) = &s.langs {
        let _ = writeln!(o, "\n# {}", h[4]);
        for &(l, lvl) in ls {
            let level = match lvl {
                7 => v.native.to_string(),
                6 => "C2".into(),
                5 => "C1".into(),
                4 => "B2".into(),
                3 => "B1".into(),
                _ => "A2".into(),
            };
            let _ = writeln!(o, "| {} | {level} |", v.langs[l]);
        }
    }
    let mut skills: Vec<&str> = Vec::new();
    let mut seen = BTreeSet::new();
    for j in &s.jobs {
        for &e in &j.ev {
            if seen.insert(e) {
                if let Some(sk) = skill_line(e) {
                    skills.push(sk);
                }
            }
        }
        if let Title::Near(i) = j.title {
            if seen.insert(100 + i) {
                skills.push(near_entry(v, i).skills);
            }
        }
    }
    if !skills.is_empty() {
        let _ = writeln!(o, "\n# {}", h[5]);
        for sk in skills {
            let _ = writeln!(o, "- {sk}");
        }
    }
    if !s.certs.is_empty() {
        let _ = writeln!(o, "\n# {}", h[6]);
        for c in &s.certs {
            let _ = writeln!(o, "- {c}");
        }
    }
    let _ = writeln!(o, "\n@main");
    let sec = s.jobs.iter().any(|j| j.security());
    let it = s.jobs.iter().any(|j| matches!(j.title, Title::T(_)));
    if sec || it || s.clearance > 0 || s.extra == Extra::Pasted {
        let _ = writeln!(o, "# {}", h[1]);
        if sec || it {
            let _ = writeln!(o, "{}", v.summary[usize::from(!sec)]);
        }
        if s.extra == Extra::Pasted {
            for para in POSTING {
                let _ = writeln!(o, "- {para}");
            }
        }
        if s.clearance > 0 {
            let _ = writeln!(o, "{}", v.clearance[usize::from(s.clearance - 1)]);
        }
        o.push('\n');
    }
    if let Extra::Hidden(m) = s.extra {
        let mode = match m {
            HiddenMode::White => "white",
            HiddenMode::Invisible => "invisible",
            HiddenMode::Tiny => "tiny",
        };
        let _ = writeln!(o, "@hidden {mode}");
        for para in POSTING {
            let _ = writeln!(o, "{para}");
        }
        let _ = writeln!(o, "{KEYWORDS}");
        let _ = writeln!(o, "@end\n");
    }
    let _ = writeln!(o, "# {}", h[2]);
    for (k, j) in s.jobs.iter().enumerate() {
        let city = VS[s.work].cities[j.emp % 3];
        let _ = writeln!(
            o,
            "## {} – {}, {city}",
            title_text(v, j.title),
            EMPLOYERS[j.emp % EMPLOYERS.len()]
        );
        let _ = writeln!(o, "{}", range(v, s, j, k == 0));
        for b in bullets_of(v, j) {
            let _ = writeln!(o, "- {b}");
        }
        o.push('\n');
    }
    if s.edu != Edu::None {
        let _ = writeln!(o, "# {}", h[3]);
        let e = s.edu_end;
        let w = &VS[s.work];
        let deg = |t: &str, u: usize| t.replace("{u}", w.uni[u]).replace("{v}", w.voc);
        match s.edu {
            Edu::Master => {
                let _ = writeln!(o, "## {}\n{} – {e}\n", deg(v.deg[1], 1), e - 2);
                let _ = writeln!(o, "## {}\n{} – {}", deg(v.deg[0], 0), e - 5, e - 2);
            }
            Edu::Bachelor => {
                let _ = writeln!(o, "## {}\n{} – {e}", deg(v.deg[0], s.jobs.len() % 2), e - 3);
            }
            Edu::Voc => {
                let _ = writeln!(o, "## {}\n{} – {e}", deg(v.deg[2], 0), e - 2);
            }
            Edu::Own => {
                let (d, len) = match s.jobs[0].title {
                    Title::Near(i) => {
                        let n = near_entry(v, i);
                        (deg(n.degree, 0), if n.university { 3 } else { 1 })
                    }
                    Title::Legacy(r) => (LANGS[legacy_idx(v.code)].roles[r].degree.to_string(), 3),
                    Title::T(_) => (deg(v.deg[0], 0), 3),
                };
                let _ = writeln!(o, "## {d}\n{} – {e}", e - len);
            }
            Edu::None => {}
        }
        o.push('\n');
    }
    if s.extra == Extra::Keywords {
        let _ = writeln!(o, "# {}", h[7]);
        let _ = writeln!(o, "Keywords: {KEYWORDS}");
        let _ = writeln!(o, "Keywords: {KEYWORDS}");
        let _ = writeln!(o, "cybersecurity cybersecurity cybersecurity security security security audit audit audit Azure AWS Azure AWS awareness awareness presentations workshops risk controls risk controls ISO 27001 ISO 27001 Windows Linux Windows Linux architecture architecture EU SECRET");
    }
    o
}

// ---------------------------------------------------------------- spec builders

struct Hist {
    jobs: Vec<Job>,
    cur: i32,
}

impl Hist {
    fn new(end: Option<i32>) -> Self {
        Hist {
            jobs: Vec::new(),
            cur: end.unwrap_or(NOW),
        }
    }
    /// Adds an older job of `months` months ending at the cursor.
    fn push(&mut self, r: &mut Rng, t: Title, months: i32, ev: Vec<usize>, present: bool) {
        let end = self.cur;
        let start = end - months.max(1) + 1;
        self.jobs.push(Job {
            title: t,
            start,
            end: if present && self.jobs.is_empty() {
                None
            } else {
                Some(end)
            },
            ev,
            emp: r.range(0, 255) as usize,
        });
        self.cur = start - 1 - r.range(0, 3) as i32;
    }
    fn first_start(&self) -> i32 {
        self.jobs.iter().map(|j| j.start).min().unwrap_or(NOW)
    }
}

/// Splits `ev` over `n` jobs (every job gets at least two bullets).
fn split_ev(r: &mut Rng, ev: &[usize], n: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); n];
    for (i, &e) in ev.iter().enumerate() {
        let k = if i < n {
            i
        } else {
            r.range(0, n as u32 - 1) as usize
        };
        out[k].push(e);
    }
    for o in out.iter_mut() {
        if o.len() < 2 {
            for e in [ev::SOC, ev::VULN] {
                if !o.contains(&e) && o.len() < 2 {
                    o.push(e);
                }
            }
        }
        o.sort_unstable();
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Prof {
    Strong,
    Medium,
    Weak,
}

fn person(r: &mut Rng, country: usize, born_year: u32) -> Person {
    Person {
        country,
        female: r.chance(0.5),
        name: r.range(0, 2) as usize,
        born: (r.range(1, 28), r.range(1, 12), born_year),
        city: r.range(0, 2) as usize,
        addr: if r.chance(0.5) {
            Some(r.range(0, 4) as usize)
        } else {
            None
        },
        phone: (r.range(100, 999), r.range(100, 999)),
    }
}

fn langs_for(r: &mut Rng, native: usize, prof: Prof) -> Option<Vec<(usize, u8)>> {
    let roll = r.range(0, 99);
    if roll < 7 {
        return None;
    }
    let en = lang_idx("en");
    let fr = lang_idx("fr");
    let de = lang_idx("de");
    let second = if native == en { fr } else { en };
    let weak_second = roll < 15 || (prof == Prof::Weak && roll < 30);
    let lvl = if weak_second {
        3
    } else {
        *r.pick(&[4u8, 5, 5, 6])
    };
    let mut v = vec![(native, 7), (second, lvl)];
    if !weak_second && r.chance(0.5) {
        let third = if native == fr || second == fr { de } else { fr };
        if third != native {
            v.push((third, *r.pick(&[2u8, 3, 4])));
        }
    }
    Some(v)
}

/// A realistic CV profile; `max_months` caps the whole career.
fn build(r: &mut Rng, lang: usize, prof: Prof, max_months: i32) -> Spec {
    let ended = r.chance(0.15);
    let end = if ended {
        Some(NOW - r.range(2, 9) as i32)
    } else {
        None
    };
    let mut h = Hist::new(end);
    let present = !ended;
    let mut certs: Vec<&'static str> = Vec::new();
    let clearance;
    match prof {
        Prof::Strong | Prof::Medium => {
            let strong = prof == Prof::Strong;
            let total = if strong {
                r.range(36, 180) as i32
            } else {
                r.range(10, 60) as i32
            }
            .min(max_months - 6);
            let n = if total < 30 {
                1
            } else if total < 60 {
                r.range(1, 2) as usize
            } else {
                r.range(2, 3) as usize
            };
            let k_req = if strong {
                *r.pick(&[4usize, 5, 5, 6, 6])
            } else {
                r.range(1, 3) as usize
            };
            let mut evs: Vec<usize> = r.sample(&REQUIRED, k_req);
            let k_other = r.range(1, 3) as usize;
            for e in r.sample(
                &[ev::SOC, ev::AUDIT, ev::GUIDE, ev::OUTREACH, ev::VULN],
                k_other,
            ) {
                evs.push(e);
            }
            let per = split_ev(r, &evs, n);
            let titles = r.sample(&SEC_TITLES, n);
            let mut left = total;
            for i in 0..n {
                let m = if i == n - 1 {
                    left
                } else {
                    (left / (n - i) as i32 + r.range(0, 12) as i32 - 6).max(8)
                };
                left -= m;
                h.push(r, Title::T(titles[i]), m.max(6), per[i].clone(), present);
            }
            // Overlapping side job (e.g. freelance consulting) inside the span.
            if r.chance(if strong { 0.25 } else { 0.15 }) && h.jobs[0].start + 8 < NOW {
                let a = h.jobs[0].start + 2;
                let len = r.range(6, 30) as i32;
                let s = (a - len / 2).max(h.first_start());
                h.jobs.push(Job {
                    title: Title::T(title::CONSULT),
                    start: s,
                    end: Some((s + len).min(h.jobs[0].end.unwrap_or(NOW) - 1)),
                    ev: vec![ev::VULN, *r.pick(&[ev::AUDIT, ev::OUTREACH, ev::GUIDE])],
                    emp: r.range(0, 255) as usize,
                });
                let j = h.jobs.pop().expect("job");
                h.jobs.insert(1, j);
            }
            let it_prob = if strong { 0.4 } else { 0.7 };
            let career = NOW - h.cur;
            if r.chance(it_prob) && career + 24 < max_months {
                let t = *r.pick(&[title::SYSADMIN, title::NETENG]);
                let e = if t == title::SYSADMIN {
                    ev::SYSNET
                } else {
                    ev::NET
                };
                let m = (r.range(24, 72) as i32).min(max_months - career);
                h.push(r, Title::T(t), m, vec![e], present);
            }
            let kc = if strong { r.range(1, 3) } else { r.range(0, 1) } as usize;
            certs = r.sample(&SEC_CERTS[..if strong { 7 } else { 6 }], kc);
            clearance = if strong {
                *r.pick(&[0u8, 1, 1, 2])
            } else {
                *r.pick(&[0u8, 0, 2])
            };
        }
        Prof::Weak => {
            let t = *r.pick(&[title::SYSADMIN, title::NETENG, title::DEV, title::SYSADMIN]);
            let e = match t {
                title::SYSADMIN => vec![ev::SYSNET],
                title::NETENG => vec![ev::NET],
                _ => {
                    if r.chance(0.5) {
                        vec![ev::DEV, ev::DEVSEC]
                    } else {
                        vec![ev::DEV]
                    }
                }
            };
            let total = (r.range(24, 144) as i32).min(max_months - 6);
            if r.chance(0.3) && total > 40 {
                // Short junior security role after years of IT work.
                let m = r.range(4, 18) as i32;
                h.push(r, Title::T(title::SOC), m, vec![ev::SOC, ev::VULN], present);
                h.push(r, Title::T(t), total - m, e, present);
            } else {
                let m1 = total / 2 + r.range(0, 10) as i32;
                h.push(r, Title::T(t), m1, e.clone(), present);
                h.push(r, Title::T(t), (total - m1).max(6), e, present);
            }
            if r.chance(0.4) {
                certs = r.sample(&IT_CERTS, 1);
            }
            clearance = *r.pick(&[0u8, 0, 0, 2]);
        }
    }
    let edu_roll = r.range(0, 99);
    let edu = match prof {
        Prof::Strong if edu_roll < 50 => Edu::Master,
        Prof::Strong if edu_roll < 86 => Edu::Bachelor,
        Prof::Strong if edu_roll < 93 => Edu::None,
        Prof::Strong => Edu::Voc,
        _ if edu_roll < 25 => Edu::Master,
        _ if edu_roll < 70 => Edu::Bachelor,
        _ if edu_roll < 80 => Edu::None,
        _ => Edu::Voc,
    };
    let first = h.first_start();
    let edu_end = first / 12 - r.range(0, 1) as i32;
    let born = (edu_end - r.range(21, 25) as i32) as u32;
    let mut s = Spec {
        lang,
        work: lang,
        producer: Producer::Cid,
        person: person(r, lang, born),
        jobs: h.jobs,
        edu,
        edu_end,
        langs: None,
        clearance,
        certs,
        style: *r.pick(VS[lang].styles),
        since: r.chance(0.5),
        year_only: false,
        show_nat: r.chance(0.8),
        show_gp: r.chance(0.3),
        extra: Extra::None,
        kind: match prof {
            Prof::Strong => "strong",
            Prof::Medium => "medium",
            Prof::Weak => "weak",
        },
        group: String::new(),
        pair: String::new(),
    };
    s.langs = langs_for(r, lang, prof);
    if s.since && s.jobs[0].end.is_none() && r.chance(0.3) {
        s.year_only = true;
        s.jobs[0].start -= s.jobs[0].start % 12;
    }
    s
}

/// A near-miss profession CV (grade 0 by construction of the rubric).
fn build_near(r: &mut Rng, lang: usize, t: Title) -> Spec {
    let mut h = Hist::new(None);
    let total = r.range(36, 180) as i32;
    let m1 = total / 2 + r.range(0, 12) as i32;
    h.push(r, t, m1, Vec::new(), true);
    h.push(r, t, total - m1, Vec::new(), true);
    let first = h.first_start();
    let edu_end = first / 12;
    let born = (edu_end - r.range(21, 24) as i32) as u32;
    let mut s = Spec {
        lang,
        work: lang,
        producer: Producer::Cid,
        person: person(r, lang, born),
        jobs: h.jobs,
        edu: Edu::Own,
        edu_end,
        langs: None,
        clearance: 0,
        certs: Vec::new(),
        style: *r.pick(VS[lang].styles),
        since: r.chance(0.5),
        year_only: false,
        show_nat: true,
        show_gp: r.chance(0.3),
        extra: Extra::None,
        kind: "near_miss",
        group: String::new(),
        pair: String::new(),
    };
    s.langs = langs_for(r, lang, Prof::Strong);
    s
}

fn pick_producer(s: &mut Spec, want: Producer, alt: usize) {
    s.producer = want;
    if !want.supports(&source(s)) {
        s.producer = if alt.is_multiple_of(2) {
            Producer::Cid
        } else {
            Producer::Table
        };
    }
}

// ---------------------------------------------------------------- the set

fn all_specs(seed: u64) -> Vec<Spec> {
    let mut r = Rng::new(seed ^ 0xE7A1);
    let mut out: Vec<Spec> = Vec::new();
    let prods = Producer::ALL;
    let l = lang_idx;

    // 1. Realistic CVs: 75 across the 13 languages and 3 producers.
    let profs = [
        Prof::Strong,
        Prof::Medium,
        Prof::Strong,
        Prof::Weak,
        Prof::Medium,
        Prof::Strong,
    ];
    for i in 0..75usize {
        let lang = i % 13;
        let mut s = build(&mut r, lang, profs[i % profs.len()], 240);
        // Realistic CVs are named after their rubric grade.
        s.kind = match labels(&s).grade {
            3 => "strong",
            2 => "medium",
            _ => "weak",
        };
        pick_producer(&mut s, prods[(i / 13 + i) % 3], i);
        out.push(s);
    }

    // 2. Near misses: 7 professions in en/fr/de/es + committed-corpus roles.
    let near_langs: [&[&str]; 7] = [
        &["en", "fr", "de"],
        &["en", "de", "es"],
        &["fr", "es", "en"],
        &["de", "en"],
        &["en", "es", "fr"],
        &["fr", "de", "en"],
        &["en", "es", "fr"],
    ];
    let mut k = 0usize;
    for (p, ls) in near_langs.iter().enumerate() {
        for code in ls.iter() {
            let mut s = build_near(&mut r, l(code), Title::Near(p));
            pick_producer(&mut s, prods[k % 3], k);
            out.push(s);
            k += 1;
        }
    }
    use crate::langs::role;
    for (code, rl) in [
        ("it", role::ACCOUNTANT),
        ("pl", role::MARKETING),
        ("nl", role::ARCHITECT),
        ("pt", role::WEBDEV),
        ("el", role::ACCOUNTANT),
    ] {
        let mut s = build_near(&mut r, l(code), Title::Legacy(rl));
        pick_producer(&mut s, prods[k % 3], k);
        out.push(s);
        k += 1;
    }

    // 3. Gaming: keyword stuffing, pasted posting, hidden text.
    let near_or_weak = |r: &mut Rng, code: &str, which: i32| -> Spec {
        if which >= 0 {
            build_near(r, l(code), Title::Near(which as usize))
        } else if which == -1 {
            build(r, l(code), Prof::Weak, 240)
        } else if which == -2 {
            build(r, l(code), Prof::Medium, 240)
        } else {
            build(r, l(code), Prof::Strong, 240)
        }
    };
    let gaming: [(&str, i32, Extra, &'static str); 23] = [
        ("en", 2, Extra::Keywords, "stuffed"),
        ("fr", 0, Extra::Keywords, "stuffed"),
        ("de", 4, Extra::Keywords, "stuffed"),
        ("es", 5, Extra::Keywords, "stuffed"),
        ("en", -1, Extra::Keywords, "stuffed"),
        ("fr", -1, Extra::Keywords, "stuffed"),
        ("de", -2, Extra::Keywords, "stuffed"),
        ("en", 6, Extra::Keywords, "stuffed"),
        ("en", 1, Extra::Pasted, "pasted"),
        ("en", -1, Extra::Pasted, "pasted"),
        ("fr", 3, Extra::Pasted, "pasted"),
        ("de", -1, Extra::Pasted, "pasted"),
        ("es", 6, Extra::Pasted, "pasted"),
        ("en", -2, Extra::Pasted, "pasted"),
        ("en", 0, Extra::Hidden(HiddenMode::White), "hidden_text"),
        (
            "en",
            -1,
            Extra::Hidden(HiddenMode::Invisible),
            "hidden_text",
        ),
        ("en", 4, Extra::Hidden(HiddenMode::Tiny), "hidden_text"),
        ("fr", 2, Extra::Hidden(HiddenMode::White), "hidden_text"),
        (
            "de",
            -1,
            Extra::Hidden(HiddenMode::Invisible),
            "hidden_text",
        ),
        ("es", 1, Extra::Hidden(HiddenMode::Tiny), "hidden_text"),
        ("en", -3, Extra::Hidden(HiddenMode::White), "hidden_text"),
        (
            "it",
            -1,
            Extra::Hidden(HiddenMode::Invisible),
            "hidden_text",
        ),
        ("pl", -2, Extra::Hidden(HiddenMode::Tiny), "hidden_text"),
    ];
    for (i, (code, which, extra, kind)) in gaming.into_iter().enumerate() {
        let mut s = near_or_weak(&mut r, code, which);
        s.extra = extra;
        s.kind = kind;
        pick_producer(&mut s, prods[i % 3], i);
        out.push(s);
    }

    // 4. Translation groups: the same CV in 4-5 languages.
    let groups: [(&str, Prof, &[&str]); 7] = [
        ("pl", Prof::Strong, &["en", "fr", "de", "pl", "sv"]),
        ("it", Prof::Strong, &["es", "it", "nl", "pt", "el"]),
        ("cs", Prof::Strong, &["cs", "ro", "fi", "en", "de"]),
        ("ro", Prof::Medium, &["fr", "es", "it", "pt", "ro"]),
        ("fi", Prof::Weak, &["de", "nl", "sv", "fi", "pl"]),
        ("el", Prof::Medium, &["el", "cs", "pl", "en", "fr"]),
        ("es", Prof::Strong, &["en", "fr", "de", "es"]),
    ];
    for (gi, (native, prof, ls)) in groups.iter().enumerate() {
        let mut base = if gi == 6 {
            build_near(&mut r, l(native), Title::Near(0))
        } else {
            build(&mut r, l(native), *prof, 240)
        };
        base.year_only = false;
        base.show_nat = false;
        base.kind = "translation";
        base.group = format!("t{:02}", gi + 1);
        if gi == 5 {
            base.edu = Edu::None;
        }
        for (k, code) in ls.iter().enumerate() {
            let mut s = base.clone();
            s.lang = l(code);
            s.style = VS[s.lang].styles[(gi + k) % VS[s.lang].styles.len()];
            s.since = (gi + k) % 2 == 0;
            pick_producer(&mut s, prods[(gi + k) % 3], gi + k);
            out.push(s);
        }
    }

    // 5. Header pairs: identical CVs except for the personal header.
    type Who = (&'static str, bool, u32, Option<usize>);
    let pairs: [(&str, Prof, Who, Who); 10] = [
        (
            "en",
            Prof::Strong,
            ("pl", true, 1970, None),
            ("fr", false, 1995, Some(0)),
        ),
        (
            "fr",
            Prof::Strong,
            ("fr", false, 1990, Some(1)),
            ("ro", true, 1968, None),
        ),
        (
            "de",
            Prof::Medium,
            ("de", false, 1985, None),
            ("cs", true, 1972, Some(2)),
        ),
        (
            "es",
            Prof::Strong,
            ("es", true, 1994, Some(3)),
            ("fi", false, 1966, None),
        ),
        (
            "nl",
            Prof::Weak,
            ("nl", false, 1979, None),
            ("pt", true, 1997, Some(4)),
        ),
        (
            "it",
            Prof::Medium,
            ("it", true, 1971, Some(0)),
            ("sv", false, 1996, None),
        ),
        (
            "en",
            Prof::Strong,
            ("en", false, 1980, None),
            ("ro", true, 1980, None),
        ),
        (
            "fr",
            Prof::Weak,
            ("fr", true, 1996, Some(1)),
            ("pl", false, 1969, Some(2)),
        ),
        (
            "de",
            Prof::Strong,
            ("de", true, 1975, None),
            ("es", false, 1992, Some(3)),
        ),
        (
            "en",
            Prof::Medium,
            ("en", true, 1996, Some(4)),
            ("en", false, 1996, Some(4)),
        ),
    ];
    for (pi, (code, prof, a, b)) in pairs.iter().enumerate() {
        let youngest = a.2.max(b.2) as i32;
        let max_months = (2026 - youngest - 22) * 12;
        let mut base = build(&mut r, l(code), *prof, max_months);
        base.show_nat = true;
        base.show_gp = true;
        base.kind = "header_pair";
        base.pair = format!("p{:02}", pi + 1);
        let mk = |r: &mut Rng, w: &Who, base: &Spec| {
            let mut s = base.clone();
            let mut p = person(r, l(w.0), w.2);
            p.female = w.1;
            p.addr = w.3;
            s.person = p;
            s
        };
        let mut sa = mk(&mut r, a, &base);
        let mut sb = mk(&mut r, b, &base);
        if sa.person.name == sb.person.name && sa.person.country == sb.person.country {
            sb.person.name = (sb.person.name + 1) % 3;
        }
        let want = prods[pi % 3];
        sa.producer = want;
        sb.producer = want;
        if !want.supports(&source(&sa)) || !want.supports(&source(&sb)) {
            let alt = if pi % 2 == 0 {
                Producer::Cid
            } else {
                Producer::Table
            };
            sa.producer = alt;
            sb.producer = alt;
        }
        out.push(sa);
        out.push(sb);
    }
    out
}

/// Writes the evaluation set to `out` (pdf/, truth/, sources/, labels.csv,
/// README.md, RUBRIC.md).
pub fn write(out: &Path, seed: u64) -> Result<(), String> {
    let specs = all_specs(seed);
    for d in ["pdf", "truth", "sources"] {
        let dir = out.join(d);
        if dir.exists() {
            for e in std::fs::read_dir(&dir).map_err(|e| e.to_string())? {
                let p = e.map_err(|e| e.to_string())?.path();
                if p.is_file() {
                    std::fs::remove_file(&p).map_err(|e| e.to_string())?;
                }
            }
        }
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    }
    let mut csv = String::from("file,grade,kind,group,pair,language,years,eligible\n");
    let mut stats: Vec<(String, u8, String, String)> = Vec::new();
    for (i, s) in specs.iter().enumerate() {
        let v = &VS[s.lang];
        let stem = format!("e{:03}-{}-{}", i + 1, v.code, s.producer.name());
        let src = source(s);
        let doc = markup::parse(&src);
        let opts = Options {
            title: format!("CV {}", person_name(&s.person)),
            user_password: None,
        };
        let pdf = producers::render(&doc, s.producer, &opts).map_err(|e| format!("{stem}: {e}"))?;
        let lb = labels(s);
        std::fs::write(out.join("pdf").join(format!("{stem}.pdf")), pdf)
            .map_err(|e| e.to_string())?;
        std::fs::write(
            out.join("truth").join(format!("{stem}.txt")),
            markup::truth(&doc),
        )
        .map_err(|e| e.to_string())?;
        std::fs::write(out.join("sources").join(format!("{stem}.txt")), &src)
            .map_err(|e| e.to_string())?;
        let _ = writeln!(
            csv,
            "pdf/{stem}.pdf,{},{},{},{},{},{:.1},{}",
            lb.grade, s.kind, s.group, s.pair, v.code, lb.years, lb.eligible
        );
        stats.push((
            s.kind.to_string(),
            lb.grade,
            v.code.to_string(),
            s.producer.name().to_string(),
        ));
    }
    std::fs::write(out.join("labels.csv"), &csv).map_err(|e| e.to_string())?;
    let mut readme = README.replace("{SEED}", &seed.to_string());
    readme.push_str(&counts(&stats));
    std::fs::write(out.join("README.md"), readme).map_err(|e| e.to_string())?;
    std::fs::write(out.join("RUBRIC.md"), RUBRIC).map_err(|e| e.to_string())?;
    eprintln!(
        "cvgen: wrote {} evaluation CVs to {}",
        specs.len(),
        out.display()
    );
    Ok(())
}

fn counts(stats: &[(String, u8, String, String)]) -> String {
    let mut o = format!("\n## Contents (generated)\n\n{} CVs.\n\n", stats.len());
    let kinds = [
        "strong",
        "medium",
        "weak",
        "near_miss",
        "stuffed",
        "pasted",
        "hidden_text",
        "translation",
        "header_pair",
    ];
    o.push_str(
        "| kind | grade 0 | grade 1 | grade 2 | grade 3 | total |\n|---|---|---|---|---|---|\n",
    );
    let mut tot = [0usize; 4];
    for k in kinds {
        let mut g = [0usize; 4];
        for s in stats.iter().filter(|s| s.0 == k) {
            g[s.1 as usize] += 1;
            tot[s.1 as usize] += 1;
        }
        let _ = writeln!(
            o,
            "| {k} | {} | {} | {} | {} | {} |",
            g[0],
            g[1],
            g[2],
            g[3],
            g.iter().sum::<usize>()
        );
    }
    let _ = writeln!(
        o,
        "| **all** | {} | {} | {} | {} | {} |\n",
        tot[0],
        tot[1],
        tot[2],
        tot[3],
        stats.len()
    );
    o.push_str("| language | CVs | simple | cid | table |\n|---|---|---|---|---|\n");
    for c in CODES {
        let n = stats.iter().filter(|s| s.2 == c).count();
        let p = |name: &str| stats.iter().filter(|s| s.2 == c && s.3 == name).count();
        let _ = writeln!(
            o,
            "| {c} | {n} | {} | {} | {} |",
            p("simple"),
            p("cid"),
            p("table")
        );
    }
    o
}
