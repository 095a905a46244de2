//! Splits a CV into sections by its headings, in any official EU language, and marks personal
//! data so that it never reaches the score (equal treatment: name, nationality, gender, birth
//! date, photo captions and contact details are not evidence).

use crate::text::fold;

/// The part of a CV a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// Everything before the first recognised heading (name, contact details): never scored.
    Header,
    /// Personal data anywhere (labels like "Nationality:", e-mail, phone): never scored.
    Personal,
    /// Work experience: where dated jobs live.
    Experience,
    /// Education and training.
    Education,
    /// Skills, competences, certifications.
    Skills,
    /// Language skills.
    Languages,
    /// An application form appended to the CV (often in another language than the CV).
    Form,
    /// Anything else (summary, interests, references).
    Other,
}

impl Section {
    /// Whether text of this section may earn points.
    pub fn is_scored(self) -> bool {
        !matches!(self, Section::Header | Section::Personal)
    }

    /// Short name for explanations.
    pub fn name(self) -> &'static str {
        match self {
            Section::Header => "header",
            Section::Personal => "personal",
            Section::Experience => "experience",
            Section::Education => "education",
            Section::Skills => "skills",
            Section::Languages => "languages",
            Section::Form => "form",
            Section::Other => "other",
        }
    }
}

/// One line of a CV with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based page number.
    pub page: usize,
    /// The line's text (trimmed).
    pub text: &'a str,
    /// The section it belongs to.
    pub section: Section,
}

/// Headings per section, in the official EU languages (compared case- and accent-insensitively).
const HEADINGS: &[(Section, &[&str])] = &[
    (
        Section::Experience,
        &[
            "experience",
            "work experience",
            "professional experience",
            "employment",
            "employment history",
            "career",
            "work history",
            "expérience",
            "expérience professionnelle",
            "expériences professionnelles",
            "parcours professionnel",
            "berufserfahrung",
            "berufliche erfahrung",
            "beruflicher werdegang",
            "werdegang",
            "doświadczenie",
            "doświadczenie zawodowe",
            "przebieg pracy zawodowej",
            "εμπειρία",
            "επαγγελματική εμπειρία",
            "experiencia",
            "experiencia profesional",
            "experiencia laboral",
            "esperienza",
            "esperienza professionale",
            "esperienze professionali",
            "esperienza lavorativa",
            "werkervaring",
            "ervaring",
            "professionele ervaring",
            "experiência",
            "experiência profissional",
            "arbetslivserfarenhet",
            "erfarenhet",
            "yrkeserfarenhet",
            "pracovní zkušenosti",
            "praxe",
            "pracovné skúsenosti",
            "experiență profesională",
            "experienta profesionala",
            "experiență",
            "työkokemus",
            "työhistoria",
            "erhvervserfaring",
            "arbejdserfaring",
            "szakmai tapasztalat",
            "munkatapasztalat",
            "radno iskustvo",
            "delovne izkušnje",
            "darba pieredze",
            "darbo patirtis",
            "töökogemus",
            "професионален опит",
            "трудов стаж",
            "esperjenza tax-xogħol",
            "taithí oibre",
            "expériences",
            "esperjenza",
            "taithí",
        ],
    ),
    (
        Section::Education,
        &[
            "education",
            "education and training",
            "academic background",
            "qualifications",
            "formation",
            "études",
            "diplômes",
            "éducation et formation",
            "ausbildung",
            "bildung",
            "studium",
            "bildungsweg",
            "schulbildung",
            "wykształcenie",
            "edukacja",
            "εκπαίδευση",
            "σπουδές",
            "educación",
            "formación",
            "formación académica",
            "istruzione",
            "formazione",
            "istruzione e formazione",
            "opleiding",
            "opleidingen",
            "educação",
            "formação",
            "formação académica",
            "utbildning",
            "vzdělání",
            "vzdelanie",
            "educație",
            "educație și formare",
            "studii",
            "koulutus",
            "uddannelse",
            "végzettség",
            "tanulmányok",
            "obrazovanje",
            "izobrazba",
            "izglītība",
            "išsilavinimas",
            "haridus",
            "образование",
            "education & training",
            "training",
            "éducation",
            "allgemeine und berufliche bildung",
            "wykształcenie i szkolenia",
            "szkolenia",
            "kursy",
            "εκπαίδευση και κατάρτιση",
            "educación y formación",
            "estudios",
            "onderwijs",
            "educação e formação",
            "habilitações",
            "edukazzjoni",
            "oideachas",
        ],
    ),
    (
        Section::Languages,
        &[
            "languages",
            "language skills",
            "langues",
            "compétences linguistiques",
            "sprachen",
            "sprachkenntnisse",
            "języki",
            "języki obce",
            "znajomość języków",
            "γλώσσες",
            "ξένες γλώσσες",
            "idiomas",
            "lingue",
            "conoscenze linguistiche",
            "talen",
            "talenkennis",
            "línguas",
            "idiomas",
            "språk",
            "språkkunskaper",
            "jazyky",
            "jazykové znalosti",
            "limbi",
            "limbi străine",
            "kielitaito",
            "kielet",
            "sprog",
            "nyelvtudás",
            "nyelvek",
            "jezici",
            "jeziki",
            "valodas",
            "kalbos",
            "keeled",
            "езици",
            "teangacha",
            "lingwi",
            "competencias lingüísticas",
            "competenze linguistiche",
            "γλωσσικές δεξιότητες",
            "competências linguísticas",
            "compétences linguistiques",
            "umiejętności językowe",
            "znajomość języków obcych",
            "jazykové dovednosti",
            "competențe lingvistice",
            "kielitaidot",
            "språkfärdigheter",
            "sprogkundskaber",
            "nyelvi készségek",
            "jezične vještine",
        ],
    ),
    (
        Section::Skills,
        &[
            "skills",
            "technical skills",
            "competences",
            "competencies",
            "key skills",
            "certifications",
            "certificates",
            "compétences",
            "compétences techniques",
            "certificats",
            "kenntnisse",
            "fähigkeiten",
            "kompetenzen",
            "it-kenntnisse",
            "zertifikate",
            "zertifizierungen",
            "umiejętności",
            "kompetencje",
            "certyfikaty",
            "δεξιότητες",
            "πιστοποιήσεις",
            "habilidades",
            "competencias",
            "certificaciones",
            "competenze",
            "certificazioni",
            "vaardigheden",
            "competenties",
            "certificaten",
            "competências",
            "certificações",
            "kompetenser",
            "färdigheter",
            "certifieringar",
            "dovednosti",
            "certifikace",
            "zručnosti",
            "competențe",
            "certificări",
            "taidot",
            "osaaminen",
            "sertifikaatit",
            "kompetencer",
            "færdigheder",
            "készségek",
            "vještine",
            "spretnosti",
            "prasmes",
            "įgūdžiai",
            "oskused",
            "умения",
            "personal skills",
            "digital skills",
            "keywords",
            "key words",
            "palabras clave",
            "mots-clés",
            "mots clés",
            "schlüsselwörter",
            "stichwörter",
            "słowa kluczowe",
            "λέξεις-κλειδιά",
            "λέξεις κλειδιά",
            "parole chiave",
            "trefwoorden",
            "palavras-chave",
            "nyckelord",
            "klíčová slova",
            "cuvinte cheie",
            "avainsanat",
            "nøgleord",
            "kulcsszavak",
            "znanja",
        ],
    ),
    (
        Section::Personal,
        &[
            "personal information",
            "personal details",
            "personal data",
            "contact",
            "contact details",
            "informations personnelles",
            "coordonnées",
            "état civil",
            "persönliche daten",
            "persönliche angaben",
            "kontakt",
            "dane osobowe",
            "dane kontaktowe",
            "προσωπικά στοιχεία",
            "στοιχεία επικοινωνίας",
            "datos personales",
            "información personal",
            "dati personali",
            "informazioni personali",
            "persoonlijke gegevens",
            "personalia",
            "dados pessoais",
            "informação pessoal",
            "personuppgifter",
            "kontaktuppgifter",
            "osobní údaje",
            "osobné údaje",
            "date personale",
            "informații personale",
            "henkilötiedot",
            "yhteystiedot",
            "personlige oplysninger",
            "személyes adatok",
            "osobni podaci",
            "osebni podatki",
            "personīgā informācija",
            "asmeninė informacija",
            "isikuandmed",
            "лични данни",
        ],
    ),
    (
        Section::Form,
        &[
            "application form",
            "formulaire de candidature",
            "formulaire d'candidature",
            "bewerbungsformular",
            "formularz zgłoszeniowy",
            "formularz aplikacyjny",
            "έντυπο αίτησης",
            "αίτηση",
            "formulario de solicitud",
            "modulo di candidatura",
            "sollicitatieformulier",
            "formulário de candidatura",
            "ansökningsformulär",
            "přihláška",
            "formular de candidatură",
            "hakulomake",
            "call for interest",
        ],
    ),
    (
        Section::Other,
        &[
            "profile",
            "summary",
            "about me",
            "professional profile",
            "professional summary",
            "profil professionnel",
            "berufsprofil",
            "kurzprofil",
            "zusammenfassung",
            "profil zawodowy",
            "podsumowanie",
            "o mnie",
            "επαγγελματικό προφίλ",
            "perfil profesional",
            "profilo professionale",
            "profiel",
            "perfil profissional",
            "sammanfattning",
            "profil",
            "profiili",
            "profesní profil",
            "profil profesional",
            "profilo",
            "interests",
            "hobbies",
            "references",
            "publications",
            "profil",
            "résumé",
            "centres d'intérêt",
            "interessen",
            "zainteresowania",
            "προφίλ",
            "perfil",
            "profilo",
            "interessi",
            "motivation",
            "lettre de motivation",
            "loisirs",
            "hobbys",
            "ενδιαφέροντα",
        ],
    ),
];

/// Labels that introduce personal data, in the official EU languages.
const PERSONAL_LABELS: &[&str] = &[
    "name",
    "surname",
    "first name",
    "full name",
    "nom",
    "prénom",
    "vorname",
    "nachname",
    "imię",
    "nazwisko",
    "όνομα",
    "επώνυμο",
    "nombre",
    "apellido",
    "nome",
    "cognome",
    "naam",
    "voornaam",
    "achternaam",
    "namn",
    "jméno",
    "příjmení",
    "nume",
    "prenume",
    "nimi",
    "navn",
    "név",
    "nationality",
    "citizenship",
    "nationalité",
    "staatsangehörigkeit",
    "nationalität",
    "obywatelstwo",
    "narodowość",
    "ιθαγένεια",
    "υπηκοότητα",
    "nacionalidad",
    "nazionalità",
    "cittadinanza",
    "nationaliteit",
    "nacionalidade",
    "medborgarskap",
    "nationalitet",
    "státní příslušnost",
    "občanství",
    "naționalitate",
    "cetățenie",
    "kansalaisuus",
    "date of birth",
    "birth date",
    "born",
    "place of birth",
    "date de naissance",
    "né le",
    "née le",
    "lieu de naissance",
    "geburtsdatum",
    "geburtsort",
    "geboren",
    "data urodzenia",
    "miejsce urodzenia",
    "ημερομηνία γέννησης",
    "fecha de nacimiento",
    "data di nascita",
    "luogo di nascita",
    "geboortedatum",
    "data de nascimento",
    "födelsedatum",
    "datum narození",
    "data nașterii",
    "syntymäaika",
    "fødselsdato",
    "születési",
    "age",
    "âge",
    "alter",
    "wiek",
    "ηλικία",
    "edad",
    "età",
    "leeftijd",
    "idade",
    "ålder",
    "věk",
    "vârstă",
    "ikä",
    "gender",
    "sex",
    "sexe",
    "genre",
    "geschlecht",
    "płeć",
    "φύλο",
    "sexo",
    "sesso",
    "geslacht",
    "kön",
    "pohlaví",
    "sexul",
    "sukupuoli",
    "køn",
    "marital status",
    "état civil",
    "familienstand",
    "stan cywilny",
    "estado civil",
    "stato civile",
    "burgerlijke staat",
    "civilstånd",
    "email",
    "e-mail",
    "mail",
    "phone",
    "telephone",
    "mobile",
    "tel",
    "tél",
    "téléphone",
    "telefon",
    "telefono",
    "teléfono",
    "telefoon",
    "telefone",
    "τηλέφωνο",
    "τηλ",
    "address",
    "adresse",
    "anschrift",
    "adres",
    "adresa",
    "διεύθυνση",
    "dirección",
    "indirizzo",
    "endereço",
    "adress",
    "osoite",
    "cím",
    "linkedin",
    "photo",
    "foto",
    "φωτογραφία",
    "photograph",
    "zdjęcie",
    "fotografie",
    "kuva",
    "fénykép",
];

/// Splits pages into lines and assigns each a section.
pub fn split<'a>(pages: &[&'a str]) -> Vec<Line<'a>> {
    let any_heading = pages
        .iter()
        .flat_map(|page| page.lines())
        .any(|line| heading_section(line).is_some());
    let mut current = if any_heading {
        Section::Header
    } else {
        Section::Other
    };
    let mut lines = Vec::new();
    let mut first_line = true;
    for (index, page) in pages.iter().enumerate() {
        for raw in page.lines() {
            let text = raw.trim();
            if text.is_empty() {
                continue;
            }
            let section = if let Some(section) = heading_section(text) {
                current = section;
                section
            } else if is_personal(text) || (first_line && !any_heading) {
                Section::Personal
            } else {
                current
            };
            first_line = false;
            lines.push(Line {
                page: index + 1,
                text,
                section,
            });
        }
    }
    lines
}

/// The heading table, folded once: folded heading → section.
fn folded_headings() -> &'static foldhash::HashMap<String, Section> {
    static TABLE: std::sync::OnceLock<foldhash::HashMap<String, Section>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = foldhash::HashMap::default();
        for (section, names) in HEADINGS {
            for name in names.iter() {
                table
                    .entry(fold(name).split_whitespace().collect::<Vec<_>>().join(" "))
                    .or_insert(*section);
            }
        }
        table
    })
}

/// Longest heading words a prefix heading may have.
const MAX_HEADING_WORDS: usize = 6;

/// The section a heading line opens, if the line is a heading: the whole line (bar
/// punctuation, case and accents) is a known heading, or it starts with one and is short and
/// emphatic (capitals, or a trailing colon) — "WORK EXPERIENCE – EU INSTITUTIONS", "Skills:".
fn heading_section(line: &str) -> Option<Section> {
    let trimmed = line
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
    if trimmed.is_empty()
        || trimmed.chars().count() > 60
        || trimmed.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let folded = fold(trimmed);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let headings = folded_headings();
    if let Some(section) = headings.get(&words.join(" ")) {
        return Some(*section);
    }
    let emphatic = line.trim_end().ends_with(':') || !trimmed.chars().any(char::is_lowercase);
    if !emphatic || words.len() > MAX_HEADING_WORDS {
        return None;
    }
    // The line starts with a heading when its first few words (trailing punctuation dropped) are one.
    (1..words.len()).rev().find_map(|count| {
        let prefix = words[..count].join(" ");
        headings
            .get(prefix.trim_end_matches(|c: char| !c.is_alphanumeric()))
            .copied()
    })
}

/// Whether a line carries personal data: a personal label before a colon, an e-mail address
/// or a phone number.
fn is_personal(line: &str) -> bool {
    if let Some((label, _)) = line.split_once(':') {
        let label = label
            .trim()
            .trim_start_matches(|c: char| !c.is_alphabetic())
            .to_lowercase();
        if PERSONAL_LABELS.contains(&label.as_str()) {
            return true;
        }
    }
    // Neither an address nor a phone number changes with case: the line is read as it is.
    let has_email = line.split_whitespace().any(|word| {
        let mut parts = word.split('@');
        matches!((parts.next(), parts.next()), (Some(user), Some(domain)) if !user.is_empty() && domain.contains('.'))
    });
    has_email || looks_like_phone(line)
}

/// Seven or more digits in a run of digits, spaces, dots, dashes, slashes and parentheses
/// starting with `+` or `0`: a phone number, not a date range.
fn looks_like_phone(line: &str) -> bool {
    line.split(|c: char| !(c.is_ascii_digit() || " +-./()".contains(c)))
        .map(|run| run.trim_start_matches(['.', ' ', '-', '/']).trim_end())
        .filter(|run| run.starts_with('+') || run.starts_with("00") || run.starts_with("(0"))
        .any(|run| run.chars().filter(char::is_ascii_digit).count() >= 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_personal_lines_are_not_scored() {
        let page = "Anna Kowalska\nNationality: Polish\nanna@example.eu\n+48 600 123 456\n\
                    Work experience\n03/2018 – 06/2021 Security analyst, CERT Polska\n\
                    Education\nMaster in Computer Science\nJęzyki\nangielski C1";
        let lines = split(&[page]);
        let section_of = |needle: &str| {
            lines
                .iter()
                .find(|line| line.text.contains(needle))
                .map(|line| line.section)
        };
        assert_eq!(section_of("Anna"), Some(Section::Header));
        assert_eq!(section_of("Nationality"), Some(Section::Personal));
        assert_eq!(section_of("Security analyst"), Some(Section::Experience));
        assert_eq!(section_of("Master"), Some(Section::Education));
        assert_eq!(section_of("angielski"), Some(Section::Languages));
    }

    #[test]
    fn personal_labels_count_anywhere() {
        let lines = split(&[
            "Experience\nSOC analyst 2019-2022\nDate of birth: 01/01/1990\nGeschlecht: weiblich",
        ]);
        assert_eq!(lines[2].section, Section::Personal);
        assert_eq!(lines[3].section, Section::Personal);
    }

    #[test]
    fn without_headings_only_the_first_line_is_dropped() {
        let lines = split(&["John Smith\nSecurity engineer 2015-2020"]);
        assert_eq!(lines[0].section, Section::Personal);
        assert_eq!(lines[1].section, Section::Other);
    }

    #[test]
    fn date_ranges_are_not_phone_numbers() {
        assert!(!is_personal("03/2018 – 06/2021 Security analyst"));
        assert!(!is_personal("2019-03 – 2021-08"));
        assert!(is_personal("Tel. +32 2 299 11 11"));
    }
}
