//! Highest degree mentioned in a CV, with nominal years of study.

use std::sync::OnceLock;

use crate::text::{find_word, fold, Folded, Hit, Needles};

/// Level of education, ordered from lowest to highest.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum DegreeLevel {
    /// Secondary school leaving certificate (Abitur, baccalauréat, matura, high school...).
    Secondary,
    /// Vocational, non-university title (Ausbildung, BTS, CAP, technikum...).
    Vocational,
    /// Two-year higher education (DUT, associate degree, HND, bac+2).
    ShortCycle,
    /// First-cycle university degree.
    Bachelor,
    /// Second-cycle university degree (or an integrated engineering diploma).
    Master,
    /// Third-cycle university degree.
    Doctorate,
}

/// The highest degree found, with its nominal cumulative years of university study and the line quoted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Degree {
    /// Level of the degree.
    pub level: DegreeLevel,
    /// Nominal cumulative years of university study (0 for non-university titles, 2 short-cycle,
    /// 3 bachelor (4 for Grado, Licenciatura, Πτυχίο, inżynier, B.Tech), 5 master, 8 doctorate).
    pub nominal_years: u32,
    /// The CV line that mentions it.
    pub quote: String,
}

use DegreeLevel::{Bachelor, Doctorate, Master, Secondary, ShortCycle, Vocational};

/// A degree pattern: needle (`*` = any ending), level, nominal years, and whether it counts only on a line
/// that also names a university-type institution (for words that have other meanings).
type Pattern = (&'static str, DegreeLevel, u32, bool);

const PATTERNS: &[Pattern] = &[
    ("phd", Doctorate, 8, false),
    ("ph.d", Doctorate, 8, false),
    ("ph. d", Doctorate, 8, false),
    ("doctorate", Doctorate, 8, false),
    ("doctoral degree", Doctorate, 8, false),
    ("doctor of philosophy", Doctorate, 8, false),
    ("dphil", Doctorate, 8, false),
    ("doctorat", Doctorate, 8, false),
    ("docteur en", Doctorate, 8, false),
    ("doktor", Doctorate, 8, false),
    ("doktora", Doctorate, 8, false),
    ("doktorat", Doctorate, 8, false),
    ("dr.-ing", Doctorate, 8, false),
    ("dr. rer", Doctorate, 8, false),
    ("dr. phil", Doctorate, 8, false),
    ("doctorado", Doctorate, 8, false),
    ("dottorato", Doctorate, 8, false),
    ("doutoramento", Doctorate, 8, false),
    ("doutorado", Doctorate, 8, false),
    ("διδακτορικ*", Doctorate, 8, false),
    ("doctoraat", Doctorate, 8, false),
    ("doktorsexamen", Doctorate, 8, false),
    ("tohtori", Doctorate, 8, false),
    ("daktaras", Doctorate, 8, false),
    ("doktors", Doctorate, 8, false),
    ("доктор", Doctorate, 8, false),
    ("doktor znanosti", Doctorate, 8, false),
    ("eqf level 8", Doctorate, 8, false),
    ("master", Master, 5, false),
    ("master's", Master, 5, false),
    ("masters", Master, 5, false),
    ("msc", Master, 5, false),
    ("m.sc", Master, 5, false),
    ("m.a.", Master, 5, false),
    ("mba", Master, 5, false),
    ("meng", Master, 5, false),
    ("m.eng", Master, 5, false),
    ("m.s.", Master, 5, false),
    ("magister", Master, 5, false),
    ("magistr", Master, 5, false),
    ("mgr", Master, 5, false),
    ("magisterium", Master, 5, false),
    ("magistersk*", Master, 5, false),
    ("magistrale", Master, 5, false),
    ("laurea specialistica", Master, 5, false),
    ("mestrado", Master, 5, false),
    ("μεταπτυχιακ*", Master, 5, false),
    ("diplom", Master, 5, false),
    ("diplom-*", Master, 5, false),
    ("dipl.-*", Master, 5, false),
    ("diplomstudium", Master, 5, false),
    ("diplôme d'ingénieur", Master, 5, false),
    ("ingénieur diplômé", Master, 5, false),
    ("école d'ingénieur*", Master, 5, false),
    ("dea", Master, 5, true),
    ("dess", Master, 5, false),
    ("bac+5", Master, 5, false),
    ("bac + 5", Master, 5, false),
    ("διπλωμα μηχανικου", Master, 5, false),
    ("διπλωματουχος μηχανικος", Master, 5, false),
    ("civilingenjör*", Master, 5, false),
    ("diplomi-insinööri", Master, 5, false),
    ("maisteri", Master, 5, false),
    ("cand.*", Master, 5, false),
    ("kandidatuddannelse", Master, 5, false),
    ("magistras", Master, 5, false),
    ("magistro", Master, 5, false),
    ("maģistr*", Master, 5, false),
    ("магистър", Master, 5, false),
    ("magistar", Master, 5, false),
    ("drs.", Master, 5, false),
    ("mag.", Master, 5, true),
    ("eqf level 7", Master, 5, false),
    ("ing.", Master, 5, true),
    ("bachelor*", Bachelor, 3, false),
    ("bsc", Bachelor, 3, false),
    ("b.sc", Bachelor, 3, false),
    ("b.s.", Bachelor, 3, false),
    ("b.a.", Bachelor, 3, false),
    ("ba", Bachelor, 3, true),
    ("beng", Bachelor, 3, false),
    ("b.eng", Bachelor, 3, false),
    ("b.tech", Bachelor, 4, false),
    ("licence", Bachelor, 3, true),
    ("licence professionnelle", Bachelor, 3, false),
    ("bac+3", Bachelor, 3, false),
    ("bac + 3", Bachelor, 3, false),
    ("licenciatura", Bachelor, 4, false),
    ("licenciado en", Bachelor, 4, false),
    ("grado en", Bachelor, 4, false),
    ("graduado en", Bachelor, 4, false),
    ("graduada en", Bachelor, 4, false),
    ("laurea", Bachelor, 3, false),
    ("laurea triennale", Bachelor, 3, false),
    ("πτυχιο", Bachelor, 4, false),
    ("πτυχιουχος", Bachelor, 4, false),
    ("licencjat", Bachelor, 3, false),
    ("licencjack*", Bachelor, 3, false),
    ("inżynier", Bachelor, 4, true),
    ("inż.", Bachelor, 4, false),
    ("studia inżynierskie", Bachelor, 4, false),
    ("tytuł inżyniera", Bachelor, 4, false),
    ("bakalář", Bachelor, 3, false),
    ("bakalár", Bachelor, 3, false),
    ("bc.", Bachelor, 3, true),
    ("kandidatexamen", Bachelor, 3, false),
    ("kandidaatti", Bachelor, 3, false),
    ("högskoleingenjör*", Bachelor, 3, false),
    ("bacharel", Bachelor, 3, false),
    ("licență", Bachelor, 3, false),
    ("bakalauras", Bachelor, 4, false),
    ("bakalauro", Bachelor, 4, false),
    ("bakalaurs", Bachelor, 3, false),
    ("bakalaureus", Bachelor, 3, false),
    ("бакалавър", Bachelor, 4, false),
    ("prvostupnik", Bachelor, 3, false),
    ("eqf level 6", Bachelor, 3, false),
    ("associate degree", ShortCycle, 2, false),
    ("associate of", ShortCycle, 2, false),
    ("dut", ShortCycle, 2, false),
    ("deug", ShortCycle, 2, false),
    ("hnd", ShortCycle, 2, false),
    ("higher national diploma", ShortCycle, 2, false),
    ("foundation degree", ShortCycle, 2, false),
    ("bac+2", ShortCycle, 2, false),
    ("bac + 2", ShortCycle, 2, false),
    ("ausbildung", Vocational, 0, false),
    ("berufsausbildung", Vocational, 0, false),
    ("berufsschule", Vocational, 0, false),
    ("fachinformatiker*", Vocational, 0, false),
    ("bts", Vocational, 0, false),
    ("cap", Vocational, 0, true),
    ("bep", Vocational, 0, false),
    ("bac pro", Vocational, 0, false),
    ("baccalauréat professionnel", Vocational, 0, false),
    ("technikum", Vocational, 0, false),
    ("technik informatyk", Vocational, 0, false),
    ("formación profesional", Vocational, 0, false),
    ("ciclo formativo", Vocational, 0, false),
    ("vocational", Vocational, 0, false),
    ("apprenticeship", Vocational, 0, false),
    ("mbo", Vocational, 0, false),
    ("nvq", Vocational, 0, false),
    ("btec", Vocational, 0, false),
    ("ιεκ", Vocational, 0, false),
    ("istituto tecnico", Vocational, 0, false),
    ("high school", Secondary, 0, false),
    ("secondary school", Secondary, 0, false),
    ("a-levels", Secondary, 0, false),
    ("a levels", Secondary, 0, false),
    ("baccalauréat", Secondary, 0, false),
    ("bac", Secondary, 0, false),
    ("abitur", Secondary, 0, false),
    ("matura", Secondary, 0, false),
    ("maturita", Secondary, 0, false),
    ("maturità", Secondary, 0, false),
    ("lycée", Secondary, 0, false),
    ("liceum", Secondary, 0, false),
    ("liceo", Secondary, 0, false),
    ("gymnasium", Secondary, 0, false),
    ("λυκειο", Secondary, 0, false),
    ("bachillerato", Secondary, 0, false),
    ("ensino secundário", Secondary, 0, false),
    ("ylioppilastutkinto", Secondary, 0, false),
    ("studentexamen", Secondary, 0, false),
    ("studentereksamen", Secondary, 0, false),
    ("bacalaureat", Secondary, 0, false),
    ("érettségi", Secondary, 0, false),
    ("leaving certificate", Secondary, 0, false),
];

/// Words that name a university-type institution or study context (required by ambiguous patterns).
const UNIVERSITY_CUES: &[&str] = &[
    "univ*",
    "universit*",
    "uniwersyt*",
    "politechnik*",
    "polytech*",
    "politecnico",
    "hochschule",
    "école",
    "insa",
    "akadem*",
    "academ*",
    "πανεπιστημ*",
    "πολυτεχνει*",
    "instituto superior",
    "uczelnia",
    "wydział",
    "studia",
    "studies",
    "faculty",
    "fakult*",
    "yliopisto",
    "högskola",
    "hogeschool",
    "vysoká škola",
    "vysoké učení",
    "egyetem",
    "sveučilište",
    "univerza",
    "ülikool",
    "университет",
    "degree",
    "diplôme",
    "diploma",
    "dyplom",
];
/// Words right after a doctorate/master word that mean it is not (yet) held.
const NOT_HELD: &[&str] = &[
    "candidate",
    "student",
    "ongoing",
    "in progress",
    "en cours",
    "w trakcie",
    "laufend",
    "(ongoing)",
    "in corso",
    "en curso",
    "thesis pending",
];
/// Words right before "master" that make it a role, not a degree.
const MASTER_ROLES: &[&str] = &["scrum", "web", "quiz", "post", "burgo", "dungeon", "zen"];

/// Highest university degree mentioned anywhere in the text (non-university titles rank below; the
/// first mention wins among equals). "Dr." counts only in the first three lines (a title before the name).
pub fn highest_degree(text: &str) -> Option<Degree> {
    highest_degree_in(&Folded::new(text))
}

/// [`highest_degree`] in a text already folded (the scorer folds a CV once for every fact).
pub(crate) fn highest_degree_in(folded: &Folded) -> Option<Degree> {
    let mut best: Option<(DegreeLevel, u32, usize)> = None;
    let mut consider = |level: DegreeLevel, years: u32, pos: usize| {
        if best.is_none_or(|(l, y, _)| (level, years) > (l, y)) {
            best = Some((level, years, pos));
        }
    };
    let needles = needles();
    // In the order of `PATTERNS`, then of the text: the first mention wins among equals.
    let mut hits: Vec<Hit> = needles.patterns.hits(&folded.text).collect();
    hits.sort_unstable_by_key(|hit| (hit.needle, hit.at.start));
    for Hit { needle, at: r } in hits {
        let (needle, level, years, needs_cue) = PATTERNS[needle];
        let line = line_around(&folded.text, r.start);
        let after: String = folded.text[r.end..].chars().take(30).collect();
        let before = &folded.text[..r.start];
        if needs_cue && !needles.university_cues.occur_in(line) {
            continue;
        }
        if level >= Master && needles.not_held.occur_in(&after) {
            continue;
        }
        if needle == "master" && MASTER_ROLES.iter().any(|w| before.trim_end().ends_with(w)) {
            continue;
        }
        consider(level, years, r.start);
    }
    let head_end = folded
        .text
        .match_indices('\n')
        .nth(2)
        .map_or(folded.text.len(), |(i, _)| i);
    if let Some(r) = find_word(&folded.text[..head_end], "dr.").first() {
        consider(Doctorate, 8, r.start);
    }
    best.map(|(level, nominal_years, pos)| Degree {
        level,
        nominal_years,
        quote: folded.quote_at(pos),
    })
}

/// `PATTERNS`, `UNIVERSITY_CUES` and `NOT_HELD`, folded and compiled.
struct DegreeNeedles {
    /// `PATTERNS`, by position.
    patterns: Needles,
    /// `UNIVERSITY_CUES`.
    university_cues: Needles,
    /// `NOT_HELD`.
    not_held: Needles,
}

/// The compiled needle lists, built once.
fn needles() -> &'static DegreeNeedles {
    static NEEDLES: OnceLock<DegreeNeedles> = OnceLock::new();
    NEEDLES.get_or_init(|| DegreeNeedles {
        patterns: compile(PATTERNS.iter().map(|(needle, ..)| *needle)),
        university_cues: compile(UNIVERSITY_CUES.iter().copied()),
        not_held: compile(NOT_HELD.iter().copied()),
    })
}

/// `needles` folded and compiled.
fn compile<'n>(needles: impl Iterator<Item = &'n str>) -> Needles {
    let folded: Vec<String> = needles.map(fold).collect();
    Needles::new(folded.iter().map(String::as_str))
}

/// The folded line containing byte `pos`.
fn line_around(text: &str, pos: usize) -> &str {
    let start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
    &text[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(text: &str) -> Option<(DegreeLevel, u32)> {
        highest_degree(text).map(|d| (d.level, d.nominal_years))
    }

    #[test]
    fn patterns_are_lowercase() {
        for (n, ..) in PATTERNS {
            assert_eq!(n.to_lowercase(), *n);
        }
    }

    #[test]
    fn examples_in_several_languages() {
        let cases: &[(&str, DegreeLevel, u32)] = &[
            (
                "MSc Information Security, Royal Holloway University of London",
                Master,
                5,
            ),
            ("BSc (Hons) Computer Science\nA-levels", Bachelor, 3),
            ("PhD in Computer Science (2016), KU Leuven", Doctorate, 8),
            ("Diplôme d'ingénieur, INSA Lyon\nBaccalauréat S", Master, 5),
            ("Licence informatique, Université de Lille", Bachelor, 3),
            (
                "Doctorat en cryptographie, Université Paris-Saclay",
                Doctorate,
                8,
            ),
            ("Diplom-Informatiker (Univ.), TU München", Master, 5),
            (
                "Ausbildung zum Fachinformatiker für Systemintegration\nAbitur",
                Vocational,
                0,
            ),
            ("Bachelor of Science Wirtschaftsinformatik", Bachelor, 3),
            ("magister inżynier, Politechnika Warszawska", Master, 5),
            (
                "Studia licencjackie – informatyka, Uniwersytet Łódzki",
                Bachelor,
                3,
            ),
            ("inżynier, Politechnika Gdańska", Bachelor, 4),
            ("Technikum Elektroniczne, technik informatyk", Vocational, 0),
            ("Πτυχίο Πληροφορικής, Πανεπιστήμιο Πειραιώς", Bachelor, 4),
            (
                "Μεταπτυχιακό Δίπλωμα Ειδίκευσης στην Ασφάλεια Πληροφοριών",
                Master,
                5,
            ),
            ("Διδακτορικό, ΕΜΠ", Doctorate, 8),
            (
                "Grado en Ingeniería Informática, Universidad de Sevilla",
                Bachelor,
                4,
            ),
            ("Máster Universitario en Ciberseguridad", Master, 5),
            ("Laurea triennale in Informatica", Bachelor, 3),
            (
                "Laurea magistrale in Ingegneria Informatica\nLaurea triennale",
                Master,
                5,
            ),
            ("Dottorato di ricerca in Informatica", Doctorate, 8),
            ("BTS SIO\nBaccalauréat STI2D", Vocational, 0),
            ("DUT Réseaux et Télécommunications", ShortCycle, 2),
            ("High school diploma", Secondary, 0),
        ];
        for (text, l, y) in cases {
            assert_eq!(level(text), Some((*l, *y)), "{text}");
        }
    }

    #[test]
    fn not_degrees() {
        assert_eq!(level("Scrum Master, ACME bank\nSecurity analyst"), None);
        assert_eq!(
            level("PhD candidate at KU Leuven\nMSc Computer Science"),
            Some((Master, 5))
        );
        assert_eq!(level("driving licence B"), None);
        assert_eq!(level("Inżynier bezpieczeństwa w Banku X"), None);
        assert_eq!(level("Worked with no degree"), None);
    }

    #[test]
    fn dr_title_only_in_header() {
        assert_eq!(
            level("Dr. Anna Schmidt\nSecurity Officer"),
            Some((Doctorate, 8))
        );
        assert_eq!(level("Anna\nx\ny\nReferences: Dr. Smith"), None);
    }

    #[test]
    fn quote_is_the_line() {
        let d = highest_degree("Education\n  MSc in Cyber Security, TU Delft  \n").unwrap();
        assert_eq!(d.quote, "MSc in Cyber Security, TU Delft");
    }
}
