//! Splitting a CV into dated experience entries, bounded by date lines and section headings.

use super::dates::{find_periods, DatedPeriod, YearMonth};
use super::matching::{find_word, fold, lines_with_offsets};

/// One job (or other dated activity) in the CV: its period and the text from its date line onwards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExperienceEntry<'a> {
    /// The first date range on the entry's first line.
    pub period: DatedPeriod,
    /// The entry text: from the start of the date line to the next date line or heading (trailing space trimmed).
    pub text: &'a str,
}

/// Headings that open a section where dated lines are NOT jobs (education, languages, skills...).
const OTHER_HEADINGS: &[&str] = &[
    "education",
    "education and training",
    "education & training",
    "academic background",
    "qualifications",
    "languages",
    "language skills",
    "skills",
    "technical skills",
    "personal skills",
    "digital skills",
    "certifications",
    "certificates",
    "publications",
    "interests",
    "hobbies",
    "references",
    "training",
    "formation",
    "éducation",
    "éducation et formation",
    "diplômes",
    "études",
    "langues",
    "compétences",
    "centres d'intérêt",
    "loisirs",
    "ausbildung",
    "bildung",
    "bildungsweg",
    "studium",
    "schulbildung",
    "allgemeine und berufliche bildung",
    "sprachen",
    "sprachkenntnisse",
    "kenntnisse",
    "fähigkeiten",
    "kompetenzen",
    "zertifikate",
    "zertifizierungen",
    "hobbys",
    "interessen",
    "wykształcenie",
    "edukacja",
    "wykształcenie i szkolenia",
    "języki",
    "znajomość języków",
    "umiejętności",
    "certyfikaty",
    "zainteresowania",
    "szkolenia",
    "kursy",
    "εκπαίδευση",
    "εκπαίδευση και κατάρτιση",
    "σπουδές",
    "γλώσσες",
    "ξένες γλώσσες",
    "δεξιότητες",
    "πιστοποιήσεις",
    "ενδιαφέροντα",
    "formación",
    "educación",
    "educación y formación",
    "estudios",
    "idiomas",
    "habilidades",
    "competencias",
    "certificaciones",
    "istruzione",
    "istruzione e formazione",
    "formazione",
    "lingue",
    "competenze",
    "certificazioni",
    "interessi",
    "opleiding",
    "opleidingen",
    "onderwijs",
    "talen",
    "vaardigheden",
    "certificaten",
    "formação",
    "educação",
    "educação e formação",
    "habilitações",
    "línguas",
    "competências",
    "utbildning",
    "språk",
    "färdigheter",
    "kompetenser",
    "uddannelse",
    "sprog",
    "kompetencer",
    "koulutus",
    "kielitaito",
    "kielet",
    "taidot",
    "vzdělání",
    "jazyky",
    "jazykové znalosti",
    "dovednosti",
    "vzdelanie",
    "zručnosti",
    "educație",
    "educație și formare",
    "studii",
    "limbi",
    "limbi străine",
    "competențe",
    "tanulmányok",
    "végzettség",
    "nyelvek",
    "nyelvtudás",
    "készségek",
    "obrazovanje",
    "jezici",
    "vještine",
    "izobrazba",
    "jeziki",
    "znanja",
    "išsilavinimas",
    "kalbos",
    "įgūdžiai",
    "izglītība",
    "valodas",
    "prasmes",
    "haridus",
    "keeled",
    "oskused",
    "образование",
    "езици",
    "умения",
    "edukazzjoni",
    "lingwi",
    "oideachas",
    "teangacha",
];
/// Headings that (re)open a section of jobs.
const EXPERIENCE_HEADINGS: &[&str] = &[
    "experience",
    "work experience",
    "professional experience",
    "employment",
    "employment history",
    "work history",
    "career",
    "expérience",
    "expériences",
    "expérience professionnelle",
    "expériences professionnelles",
    "parcours professionnel",
    "berufserfahrung",
    "berufliche erfahrung",
    "beruflicher werdegang",
    "werdegang",
    "doświadczenie",
    "doświadczenie zawodowe",
    "εμπειρία",
    "επαγγελματική εμπειρία",
    "experiencia",
    "experiencia laboral",
    "experiencia profesional",
    "esperienza",
    "esperienze professionali",
    "esperienza professionale",
    "werkervaring",
    "ervaring",
    "experiência",
    "experiência profissional",
    "arbetslivserfarenhet",
    "erfarenhet",
    "erhvervserfaring",
    "työkokemus",
    "pracovní zkušenosti",
    "pracovné skúsenosti",
    "experiență profesională",
    "szakmai tapasztalat",
    "munkatapasztalat",
    "radno iskustvo",
    "delovne izkušnje",
    "darbo patirtis",
    "darba pieredze",
    "töökogemus",
    "професионален опит",
    "трудов стаж",
    "esperjenza",
    "taithí",
];

/// The section kind a line opens, if it is a heading: the whole line (bar punctuation) is a heading, or it
/// starts with one and is short and written in capitals or ends with a colon.
fn heading_kind(line: &str) -> Option<bool> {
    let trimmed = line
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
    if trimmed.is_empty() || trimmed.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let folded = fold(trimmed)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let emphatic = line.trim_end().ends_with(':') || !trimmed.chars().any(char::is_lowercase);
    let short = folded.split(' ').count() <= 5;
    let matches = |set: &[&str]| {
        set.iter().map(|h| fold(h)).any(|h| {
            folded == h
                || (short
                    && emphatic
                    && find_word(&folded, &h).first().is_some_and(|r| r.start == 0))
        })
    };
    if matches(EXPERIENCE_HEADINGS) {
        Some(true)
    } else if matches(OTHER_HEADINGS) {
        Some(false)
    } else {
        None
    }
}

/// Splits the text into experience entries: each starts at a line containing a date range and runs until the
/// next such line or a section heading; dated lines inside education/language/skills sections are skipped.
pub fn experience_entries(text: &str, present: YearMonth) -> Vec<ExperienceEntry<'_>> {
    let periods = find_periods(text, present);
    let mut out = Vec::new();
    let mut open: Option<(DatedPeriod, usize)> = None;
    let mut in_jobs = true;
    let mut close = |open: &mut Option<(DatedPeriod, usize)>, end: usize| {
        if let Some((period, start)) = open.take() {
            out.push(ExperienceEntry {
                period,
                text: text[start..end].trim_end(),
            });
        }
    };
    for (start, line) in lines_with_offsets(text) {
        let end = start + line.len();
        let dated = periods
            .iter()
            .find(|p| p.span.start >= start && p.span.start < end.max(start + 1));
        if let Some(p) = dated {
            close(&mut open, start);
            if in_jobs {
                open = Some((p.clone(), start));
            }
        } else if let Some(kind) = heading_kind(line) {
            close(&mut open, start);
            in_jobs = kind;
        }
    }
    close(&mut open, text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: YearMonth = YearMonth::new(2024, 6);

    #[test]
    fn splits_jobs_and_stops_at_headings() {
        let cv = "Jan Kowalski\nDOŚWIADCZENIE ZAWODOWE\n03.2018 – obecnie  CERT Polska\nAnalityk SOC\n- obsługa incydentów\n\n01/2015 – 02/2018 Bank X\nAdministrator sieci\n\nWykształcenie\n2010 – 2015 Politechnika Warszawska\nJęzyki\nangielski C1\n";
        let e = experience_entries(cv, NOW);
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(e[0].period.start, YearMonth::new(2018, 3));
        assert_eq!(e[0].period.end, NOW);
        assert_eq!(
            e[0].text,
            "03.2018 – obecnie  CERT Polska\nAnalityk SOC\n- obsługa incydentów"
        );
        assert_eq!(e[1].text, "01/2015 – 02/2018 Bank X\nAdministrator sieci");
    }

    #[test]
    fn experience_heading_reopens_jobs() {
        let cv = "EDUCATION AND TRAINING\n2008 - 2013 MSc, TU Delft\nWork experience\n2014 - 2020 SOC analyst, NCSC\nSkills:\nSIEM";
        let e = experience_entries(cv, NOW);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].text, "2014 - 2020 SOC analyst, NCSC");
    }

    #[test]
    fn headings_in_several_languages() {
        assert_eq!(heading_kind("Formation"), Some(false));
        assert_eq!(heading_kind("Εκπαίδευση"), Some(false));
        assert_eq!(heading_kind("  Sprachen:"), Some(false));
        assert_eq!(heading_kind("Berufserfahrung"), Some(true));
        assert_eq!(heading_kind("EXPÉRIENCES PROFESSIONNELLES"), Some(true));
        assert_eq!(heading_kind("Education officer at the ministry"), None);
        assert_eq!(heading_kind("Training of staff on phishing"), None);
    }
}
