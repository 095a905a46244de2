//! Language levels (CEFR) for the 24 official EU languages, from codes or level words near a language name.

use crate::text::{find_word, fold, hits_by_line, lines_with_offsets, Folded, Hit, Needles};
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

/// CEFR level.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Cefr {
    /// Breakthrough.
    A1,
    /// Waystage.
    A2,
    /// Threshold.
    B1,
    /// Vantage.
    B2,
    /// Effective operational proficiency.
    C1,
    /// Mastery (also native speakers).
    C2,
}

/// One official EU language the candidate claims, at its highest level found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LanguageSkill {
    /// ISO 639-1 code of the language.
    pub language: &'static str,
    /// Highest level found for it.
    pub level: Cefr,
    /// The CV line that gives the level.
    pub quote: String,
}

/// Reads a skill back (from the score cache), mapping its code to the static code of an
/// official EU language.
impl<'de> serde::Deserialize<'de> for LanguageSkill {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Written {
            language: String,
            level: Cefr,
            quote: String,
        }
        let written = Written::deserialize(deserializer)?;
        let language = crate::lang::EuLanguage::from_code(&written.language)
            .map(crate::lang::EuLanguage::code)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "{:?} is not an official EU language",
                    written.language
                ))
            })?;
        Ok(LanguageSkill {
            language,
            level: written.level,
            quote: written.quote,
        })
    }
}

/// Names of each language in the EU languages (`*` = any ending). Slovak/Slovene forms are exact on purpose.
const NAMES: &[(&str, &[&str])] = &[
    (
        "bg",
        &[
            "bulgarian",
            "bulgar*",
            "bulhar*",
            "bolgar*",
            "bugarsk*",
            "българск*",
            "βουλγαρικ*",
            "bulgaaria",
            "bulgáiris",
        ],
    ),
    (
        "cs",
        &[
            "czech",
            "tchèque",
            "tschechisch",
            "checo",
            "ceco",
            "tsjechisch",
            "tjeckiska",
            "tjekkisk",
            "tšekki",
            "tsekki*",
            "czesk*",
            "čeština",
            "češtin*",
            "český",
            "cehă",
            "cseh",
            "češki",
            "češčin*",
            "čekų",
            "čehu",
            "tšehhi",
            "чешк*",
            "τσεχικ*",
            "ċek",
            "seicis",
        ],
    ),
    (
        "da",
        &[
            "danish",
            "danois",
            "dänisch",
            "danés",
            "danese",
            "deens",
            "danska",
            "dansk*",
            "tanska*",
            "duńsk*",
            "dánštin*",
            "dánčin*",
            "daneză",
            "dán",
            "danščin*",
            "danų",
            "dāņu",
            "taani",
            "датск*",
            "δανικ*",
            "daniż",
            "danmhairgis",
            "dinamarquês",
        ],
    ),
    (
        "de",
        &[
            "german",
            "allemand",
            "deutsch",
            "alemán",
            "alemão",
            "tedesco",
            "duits",
            "tyska",
            "tysk",
            "saksa*",
            "niemieck*",
            "němčin*",
            "nemčin*",
            "německ*",
            "nemeck*",
            "germană",
            "német",
            "njemačk*",
            "nemščin*",
            "nemšk*",
            "vokiečių",
            "vācu",
            "немск*",
            "γερμανικ*",
            "ġermaniż",
            "gearmáinis",
        ],
    ),
    (
        "el",
        &[
            "greek",
            "grec*",
            "griechisch",
            "griego",
            "grego",
            "grieks",
            "grekiska",
            "græsk",
            "kreikka*",
            "řečtin*",
            "gréčtin*",
            "greacă",
            "görög",
            "grčk*",
            "grščin*",
            "graikų",
            "grieķu",
            "kreeka",
            "гръцк*",
            "ελληνικ*",
            "grieg",
            "gréigis",
        ],
    ),
    (
        "en",
        &[
            "english",
            "anglais",
            "englisch",
            "inglés",
            "inglês",
            "inglese",
            "engels",
            "engelska",
            "engelsk",
            "englan*",
            "angielsk*",
            "angličtin*",
            "anglick*",
            "engleză",
            "angol",
            "engleski",
            "angleščin*",
            "angleški",
            "anglų",
            "angļu",
            "inglise",
            "английск*",
            "αγγλικ*",
            "ingliż",
            "béarla",
        ],
    ),
    (
        "es",
        &[
            "spanish",
            "espagnol",
            "spanisch",
            "español",
            "castellano",
            "spagnolo",
            "spaans",
            "spanska",
            "spansk",
            "espanja*",
            "hiszpańsk*",
            "španělštin*",
            "španielčin*",
            "spaniolă",
            "spanyol",
            "španjolsk*",
            "španščin*",
            "ispanų",
            "spāņu",
            "hispaania",
            "испанск*",
            "ισπανικ*",
            "spanjol",
            "spáinnis",
            "espanhol",
        ],
    ),
    (
        "et",
        &[
            "estonian",
            "eston*",
            "estnisch",
            "ests",
            "estniska",
            "estisk",
            "viro",
            "viron",
            "észt",
            "estų",
            "igauņu",
            "eesti",
            "естонск*",
            "εσθονικ*",
            "eastóinis",
        ],
    ),
    (
        "fi",
        &[
            "finnish",
            "finnois",
            "finnisch",
            "finés",
            "finlandés",
            "finlandês",
            "finlandese",
            "fins",
            "finska",
            "finsk*",
            "suomi",
            "suome*",
            "fińsk*",
            "finštin*",
            "fínčin*",
            "finlandeză",
            "finn",
            "finščin*",
            "suomių",
            "somu",
            "soome",
            "финландск*",
            "фински",
            "φινλανδικ*",
            "finlandiż",
            "fionlainnis",
        ],
    ),
    (
        "fr",
        &[
            "french",
            "français",
            "französisch",
            "francés",
            "francês",
            "francese",
            "frans",
            "franska",
            "fransk",
            "ranska*",
            "francusk*",
            "francouzštin*",
            "francúzštin*",
            "franceză",
            "francia",
            "francoščin*",
            "prancūzų",
            "franču",
            "prantsuse",
            "френск*",
            "γαλλικ*",
            "franċiż",
            "fraincis",
        ],
    ),
    (
        "ga",
        &[
            "irish",
            "irlandais",
            "irisch",
            "irlandés",
            "irlandês",
            "irlandese",
            "iers",
            "iriska",
            "irsk*",
            "iiri",
            "irlandzk*",
            "irštin*",
            "írčin*",
            "irlandeză",
            "irščin*",
            "airių",
            "īru",
            "ирландск*",
            "ιρλανδικ*",
            "irlandiż",
            "gaeilge",
        ],
    ),
    (
        "hr",
        &[
            "croatian",
            "croate",
            "kroatisch",
            "croata",
            "croato",
            "kroatiska",
            "kroatisk",
            "kroatia",
            "chorwack*",
            "chorvatštin*",
            "chorvátčin*",
            "croată",
            "horvát",
            "hrvatsk*",
            "hrvaščin*",
            "kroatų",
            "horvātu",
            "horvaadi",
            "хърватск*",
            "κροατικ*",
            "kroat",
            "cróitis",
        ],
    ),
    (
        "hu",
        &[
            "hungarian",
            "hongrois",
            "ungarisch",
            "húngaro",
            "ungherese",
            "hongaars",
            "ungerska",
            "ungarsk",
            "unkari*",
            "węgiersk*",
            "maďarštin*",
            "maďarčin*",
            "maghiară",
            "magyar",
            "mađarsk*",
            "madžarščin*",
            "vengrų",
            "ungāru",
            "ungari",
            "унгарск*",
            "ουγγρικ*",
            "ungeriż",
            "ungáiris",
        ],
    ),
    (
        "it",
        &[
            "itali*",
            "tedesco-italiano",
            "włosk*",
            "italštin*",
            "taliančin*",
            "talijansk*",
            "italų",
            "itāļu",
            "itaalia",
            "италианск*",
            "ιταλικ*",
            "taljan",
            "iodáilis",
        ],
    ),
    (
        "lt",
        &[
            "lithuanian",
            "lituanien",
            "litauisch",
            "lituano",
            "litouws",
            "litauiska",
            "litauisk",
            "liettua*",
            "litewsk*",
            "litevštin*",
            "litovčin*",
            "lituaniană",
            "litván",
            "litavsk*",
            "litovščin*",
            "lietuvių",
            "lietuviešu",
            "leedu",
            "литовск*",
            "λιθουανικ*",
            "litwan",
            "liotuáinis",
        ],
    ),
    (
        "lv",
        &[
            "latvian",
            "letton",
            "lettisch",
            "letón",
            "lettone",
            "lettiska",
            "lettisk",
            "łotewsk*",
            "lotyštin*",
            "lotyšštin*",
            "letonă",
            "latvijsk*",
            "latvijščin*",
            "latvių",
            "latviešu",
            "läti",
            "латвийск*",
            "λετονικ*",
            "latvjan",
            "laitvis",
        ],
    ),
    (
        "mt",
        &[
            "maltese",
            "maltais",
            "maltesisch",
            "maltés",
            "maltês",
            "maltees",
            "maltesiska",
            "maltesisk",
            "maltańsk*",
            "maltštin*",
            "maltčin*",
            "malteză",
            "máltai",
            "malteški",
            "malteščin*",
            "maltiečių",
            "maltiešu",
            "малтийск*",
            "μαλτεζικ*",
            "malti",
            "máltais",
        ],
    ),
    (
        "nl",
        &[
            "dutch",
            "flemish",
            "néerlandais",
            "niederländisch",
            "holländisch",
            "neerlandés",
            "neerlandês",
            "holandés",
            "holandês",
            "olandese",
            "nederlands",
            "vlaams",
            "nederländska",
            "nederlandsk",
            "hollandsk",
            "hollan*",
            "niderlandzk*",
            "holendersk*",
            "nizozemštin*",
            "holandčin*",
            "olandeză",
            "holland",
            "nizozemsk*",
            "nizozemščin*",
            "olandų",
            "holandiešu",
            "hollandi",
            "нидерландск*",
            "холандск*",
            "ολλανδικ*",
            "olandiż",
            "ollainnis",
        ],
    ),
    (
        "pl",
        &[
            "polish",
            "polonais",
            "polnisch",
            "polaco",
            "polacco",
            "pools",
            "polska",
            "polsk*",
            "puola*",
            "polštin*",
            "poľštin*",
            "poloneză",
            "lengyel",
            "poljsk*",
            "poljščin*",
            "lenkų",
            "poļu",
            "poola",
            "полск*",
            "πολωνικ*",
            "pollakk",
            "polainnis",
        ],
    ),
    (
        "pt",
        &[
            "portug*",
            "portoghese",
            "portugees",
            "португалск*",
            "πορτογαλικ*",
            "portugiż",
            "portaingéilis",
        ],
    ),
    (
        "ro",
        &[
            "romanian",
            "roumain",
            "rumänisch",
            "rumano",
            "rumeno",
            "romeno",
            "roemeens",
            "rumänska",
            "rumænsk",
            "romania",
            "rumuńsk*",
            "rumunštin*",
            "rumunčin*",
            "română",
            "román",
            "rumunjsk*",
            "romunščin*",
            "rumunų",
            "rumāņu",
            "rumeenia",
            "румънск*",
            "ρουμανικ*",
            "rumen",
            "rómáinis",
        ],
    ),
    (
        "sk",
        &[
            "slovak",
            "slovakian",
            "slovaque",
            "slowakisch",
            "eslovaco",
            "slovacco",
            "slowaaks",
            "slovakiska",
            "slovakisk",
            "slovakki",
            "słowack*",
            "slovenština",
            "slovenčina",
            "slovenský",
            "slovenskej",
            "slovacă",
            "szlovák",
            "slovačk*",
            "slovaščin*",
            "slovakų",
            "slovāku",
            "slovaki",
            "словашк*",
            "σλοβακικ*",
            "slovakk",
            "slóvaicis",
        ],
    ),
    (
        "sl",
        &[
            "slovene",
            "slovenian",
            "slowenisch",
            "esloveno",
            "sloveno",
            "sloveens",
            "slovenska",
            "slovensk",
            "sloveeni",
            "słoweńsk*",
            "slovinštin*",
            "slovinčin*",
            "slovenă",
            "szlovén",
            "slovenski",
            "slovenščin*",
            "slovėnų",
            "slovēņu",
            "словенск*",
            "σλοβενικ*",
            "sloven",
            "slóivéinis",
        ],
    ),
    (
        "sv",
        &[
            "swedish",
            "suédois",
            "schwedisch",
            "sueco",
            "svedese",
            "zweeds",
            "svenska",
            "svensk",
            "ruotsi*",
            "szwedzk*",
            "švédštin*",
            "švédčin*",
            "suedeză",
            "svéd",
            "švedsk*",
            "švedščin*",
            "švedų",
            "zviedru",
            "rootsi",
            "шведск*",
            "σουηδικ*",
            "svediż",
            "sualainnis",
        ],
    ),
];

/// Level words (`*` = any ending); where matches overlap the longest wins ("sehr gut" over "gut").
const LEVEL_WORDS: &[(Cefr, &[&str])] = &[
    (
        Cefr::C2,
        &[
            "native",
            "native speaker",
            "mother tongue",
            "mother tongue(s)",
            "first language",
            "bilingual",
            "langue maternelle",
            "maternelle",
            "bilingue",
            "muttersprache",
            "muttersprachlich*",
            "zweisprachig",
            "madrelingua",
            "lingua madre",
            "lengua materna",
            "nativo",
            "nativa",
            "język ojczysty",
            "ojczysty",
            "dwujęzyczn*",
            "μητρική",
            "μητρική γλώσσα",
            "moedertaal",
            "modersmål",
            "äidinkieli",
            "língua materna",
            "rodilý mluvčí",
            "mateřský jazyk",
            "mateřština",
            "materinský jazyk",
            "limba maternă",
            "maternă",
            "materna",
            "materno",
            "nativ",
            "anyanyelv*",
            "materinji",
            "materinski",
            "materni jezik",
            "gimtoji",
            "dzimtā valoda",
            "emakeel",
            "майчин",
            "nattiv",
            "teanga dhúchais",
            "proficient user",
        ],
    ),
    (
        Cefr::C1,
        &[
            "fluent",
            "fluently",
            "fluency",
            "proficient",
            "advanced",
            "courant",
            "couramment",
            "avancé",
            "fließend",
            "verhandlungssicher",
            "fortgeschritten",
            "sehr gut",
            "sehr gute",
            "fluido",
            "fluida",
            "fluente",
            "avanzato",
            "avanzado",
            "avançado",
            "ottimo",
            "excelente",
            "excellent",
            "très bon",
            "très bonne",
            "biegł*",
            "zaawansowan*",
            "bardzo dobr*",
            "άριστα",
            "άριστη",
            "πολύ καλά",
            "πολύ καλή",
            "vloeiend",
            "gevorderd",
            "zeer goed",
            "flytande",
            "flydende",
            "mycket god",
            "meget god",
            "sujuva",
            "sujuvasti",
            "erittäin hyvä",
            "plynul*",
            "pokročil*",
            "výborn*",
            "velmi dobr*",
            "avansat",
            "foarte bine",
            "folyékony*",
            "felsőfok*",
            "tečno",
            "tekoče",
            "laisvai",
            "brīvi",
            "vabalt",
            "свободно",
            "fluwenti",
            "líofa",
        ],
    ),
    (
        Cefr::B2,
        &[
            "good",
            "good command",
            "upper intermediate",
            "upper-intermediate",
            "bon",
            "bonne",
            "bon niveau",
            "gut",
            "gute",
            "buono",
            "buona",
            "dobr*",
            "dobrze",
            "καλά",
            "καλή",
            "goed",
            "god",
            "hyvä",
            "bueno",
            "buen nivel",
            "bom",
            "boa",
            "bine",
            "középfok*",
            "gerai",
            "labi",
            "hea",
            "добро",
            "добре",
            "tajjeb",
            "maith",
            "working proficiency",
            "professional working proficiency",
        ],
    ),
    (
        Cefr::B1,
        &[
            "intermediate",
            "intermédiaire",
            "mittel",
            "mittelstufe",
            "intermedio",
            "intermedia",
            "intermédio",
            "średni*",
            "średnio zaawansowan*",
            "komunikatywn*",
            "μέτρια",
            "μέτριο",
            "gemiddeld",
            "medel",
            "keskitaso",
            "tyydyttävä",
            "středně pokročil*",
            "stredne pokročil*",
            "mediu",
            "alapfok*",
            "srednj*",
            "vidutin*",
            "vidēj*",
            "kesktase",
            "средно",
            "discreto",
            "conversational",
            "working knowledge",
        ],
    ),
    (
        Cefr::A2,
        &[
            "basic",
            "basics",
            "elementary",
            "pre-intermediate",
            "notions",
            "notions de base",
            "connaissances de base",
            "scolaire",
            "grundkenntnisse",
            "basiskenntnisse",
            "di base",
            "base",
            "básico",
            "básica",
            "basico",
            "basica",
            "elemental",
            "elementare",
            "podstawow*",
            "βασικ*",
            "basis",
            "basiskennis",
            "grundläggande",
            "grundlæggende",
            "alkeet",
            "perustaso",
            "perus",
            "základn*",
            "de bază",
            "osnovn*",
            "pagrind*",
            "pamatzināšanas",
            "algtase",
            "основно",
            "bażiku",
            "bunúsach",
        ],
    ),
    (
        Cefr::A1,
        &[
            "beginner",
            "débutant",
            "anfänger",
            "principiante",
            "początkując*",
            "αρχάριος",
            "beginner level",
            "începător",
            "aloittelija",
            "začátečník",
        ],
    ),
];

/// Folded language names and level words, built once.
struct Tables {
    names: Vec<(&'static str, String)>,
    levels: Vec<(Cefr, String)>,
    name_needles: Needles,
    level_needles: Needles,
}

/// The folded tables.
fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let names: Vec<(&'static str, String)> = NAMES
            .iter()
            .flat_map(|(iso, ns)| ns.iter().map(move |n| (*iso, fold(n))))
            .collect();
        let levels: Vec<(Cefr, String)> = LEVEL_WORDS
            .iter()
            .flat_map(|(c, ws)| ws.iter().map(move |w| (*c, fold(w))))
            .collect();
        Tables {
            name_needles: Needles::new(names.iter().map(|(_, name)| name.as_str())),
            level_needles: Needles::new(levels.iter().map(|(_, word)| word.as_str())),
            names,
            levels,
        }
    })
}

/// A level hit on a line: range, level, and whether it is an explicit CEFR code.
#[derive(Debug, Clone)]
struct LevelHit {
    at: Range<usize>,
    level: Cefr,
    code: bool,
}

/// Levels on a folded line: CEFR codes plus level words (`words`: the line's hits of the level
/// needles), overlapping shorter word matches removed.
fn level_hits(line: &str, words: &[Hit]) -> Vec<LevelHit> {
    let mut hits = Vec::new();
    for (code, level) in [
        ("a1", Cefr::A1),
        ("a2", Cefr::A2),
        ("b1", Cefr::B1),
        ("b2", Cefr::B2),
        ("c1", Cefr::C1),
        ("c2", Cefr::C2),
    ] {
        hits.extend(find_word(line, code).into_iter().map(|at| LevelHit {
            at,
            level,
            code: true,
        }));
    }
    let levels = &tables().levels;
    let mut words: Vec<&Hit> = words.iter().collect();
    // Longest first; among equals, in the order of `LEVEL_WORDS`, then of the line.
    words.sort_unstable_by_key(|h| (std::cmp::Reverse(h.at.len()), h.needle, h.at.start));
    let mut kept: Vec<LevelHit> = Vec::new();
    for h in words.into_iter().map(|h| LevelHit {
        at: h.at.clone(),
        level: levels[h.needle].0,
        code: false,
    }) {
        if !kept
            .iter()
            .any(|k| k.at.start < h.at.end && h.at.start < k.at.end)
        {
            kept.push(h);
        }
    }
    hits.extend(kept);
    hits
}

/// Best level among hits inside `window`: codes win over words, then the highest.
fn best_in(hits: &[LevelHit], window: Range<usize>) -> Option<Cefr> {
    let inside = hits
        .iter()
        .filter(|h| h.at.start >= window.start && h.at.end <= window.end);
    let (codes, words): (Vec<&LevelHit>, Vec<&LevelHit>) = inside.partition(|h| h.code);
    let pick = if codes.is_empty() { words } else { codes };
    pick.iter().map(|h| h.level).max()
}

/// `window` shrunk to at most `words` words next to the mention (after it if `forward`, else before it).
fn near(line: &str, window: Range<usize>, words: usize, forward: bool) -> Range<usize> {
    let s = &line[window.clone()];
    if forward {
        let mut seen = 0;
        let mut in_word = false;
        for (i, c) in s.char_indices() {
            if c.is_alphanumeric() && !in_word {
                seen += 1;
                if seen > words {
                    return window.start..window.start + i;
                }
            }
            in_word = c.is_alphanumeric();
        }
        window
    } else {
        let mut seen = 0;
        let mut in_word = false;
        for (i, c) in s.char_indices().rev() {
            if c.is_alphanumeric() && !in_word {
                seen += 1;
                if seen > words {
                    return window.start + i + c.len_utf8()..window.end;
                }
            }
            in_word = c.is_alphanumeric();
        }
        window
    }
}

/// Connectors that let adjacent language names share a level ("fluent in English and French").
const CONNECTORS: &[&str] = &[
    "and", "et", "und", "i", "y", "e", "og", "ja", "a", "και", "en", "och", "es", "si", "in", "ir",
    "un", "и", "u", "agus", "&",
];

/// Language mentions on a folded line (`names`: the line's hits of the name needles), in order,
/// overlaps removed.
fn mentions(names: &[Hit]) -> Vec<(&'static str, Range<usize>)> {
    let mut found: Vec<&Hit> = names.iter().collect();
    // In the order of the line; among equal starts the longest, then in the order of `NAMES`.
    found.sort_unstable_by_key(|h| (h.at.start, std::cmp::Reverse(h.at.end), h.needle));
    let names = &tables().names;
    let mut out: Vec<(&'static str, Range<usize>)> = Vec::new();
    for (iso, r) in found.into_iter().map(|h| (names[h.needle].0, h.at.clone())) {
        if out.last().is_none_or(|(_, last)| r.start >= last.end) {
            out.push((iso, r));
        }
    }
    out
}

/// True when `gap` holds only punctuation and connector words.
fn connector_only(gap: &str) -> bool {
    gap.split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty())
        .all(|w| CONNECTORS.contains(&w))
}

/// Language levels from lines like "English – C1", "Français : langue maternelle", "Deutsch (fließend)",
/// "język angielski – B2", "Αγγλικά: C2"; a bare language line takes the levels of the next line
/// (Europass grids). Explicit CEFR codes win over words; one entry per language (highest level),
/// sorted by ISO code. Non-EU languages are ignored.
pub fn language_skills(text: &str) -> Vec<LanguageSkill> {
    language_skills_in(&Folded::new(text))
}

/// [`language_skills`] in a text already folded (the scorer folds a CV once for every fact).
pub(crate) fn language_skills_in(folded: &Folded) -> Vec<LanguageSkill> {
    let lines = lines_with_offsets(&folded.text);
    let tables = tables();
    let names = hits_by_line(&lines, tables.name_needles.hits(&folded.text));
    // Level words count only on a line naming a language or the line after one, so only those
    // are searched (a line alone finds what the whole text finds on it: no needle spans lines).
    let level_words = |line: &str| -> Vec<Hit> { tables.level_needles.hits(line).collect() };
    let mut best: BTreeMap<&'static str, (Cefr, usize)> = BTreeMap::new();
    for (n, &(offset, line)) in lines.iter().enumerate() {
        let ms = mentions(&names[n]);
        if ms.is_empty() {
            continue;
        }
        let hits = level_hits(line, &level_words(line));
        let mut levels: Vec<Option<Cefr>> = Vec::with_capacity(ms.len());
        for (k, (_, r)) in ms.iter().enumerate() {
            let stop = ms.get(k + 1).map_or(line.len(), |(_, next)| next.start);
            let mut level = best_in(&hits, near(line, r.end..stop, 6, true));
            if level.is_none() && k == 0 {
                level = best_in(&hits, near(line, 0..r.start, 4, false));
            }
            levels.push(level);
        }
        for k in 1..ms.len() {
            if levels[k].is_none() && connector_only(&line[ms[k - 1].1.end..ms[k].1.start]) {
                levels[k] = levels[k - 1];
            }
        }
        for k in (0..ms.len().saturating_sub(1)).rev() {
            if levels[k].is_none() && connector_only(&line[ms[k].1.end..ms[k + 1].1.start]) {
                levels[k] = levels[k + 1];
            }
        }
        let bare = line.split_whitespace().count() <= 4;
        let next = (n + 1..lines.len()).find(|&m| !lines[m].1.trim().is_empty());
        for (k, (iso, _)) in ms.iter().enumerate() {
            let mut found = levels[k].map(|l| (l, offset));
            if found.is_none() && bare && ms.len() == 1 {
                if let Some(m) = next.filter(|&m| mentions(&names[m]).is_empty()) {
                    let (next_off, next_line) = lines[m];
                    found = best_in(
                        &level_hits(next_line, &level_words(next_line)),
                        0..next_line.len(),
                    )
                    .map(|l| (l, next_off));
                }
            }
            if let Some((level, pos)) = found {
                let entry = best.entry(iso).or_insert((level, pos));
                if level > entry.0 {
                    *entry = (level, pos);
                }
            }
        }
    }
    best.into_iter()
        .map(|(language, (level, pos))| LanguageSkill {
            language,
            level,
            quote: folded.quote_at(pos),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skills(text: &str) -> Vec<(&'static str, Cefr)> {
        language_skills(text)
            .into_iter()
            .map(|s| (s.language, s.level))
            .collect()
    }

    #[test]
    fn examples_from_the_brief() {
        assert_eq!(skills("English – C1"), vec![("en", Cefr::C1)]);
        assert_eq!(
            skills("Français : langue maternelle"),
            vec![("fr", Cefr::C2)]
        );
        assert_eq!(skills("Deutsch (fließend)"), vec![("de", Cefr::C1)]);
        assert_eq!(skills("język angielski – B2"), vec![("en", Cefr::B2)]);
        assert_eq!(skills("Αγγλικά: C2"), vec![("en", Cefr::C2)]);
        assert_eq!(skills("Italiano: madrelingua"), vec![("it", Cefr::C2)]);
        assert_eq!(skills("Spanish: basic"), vec![("es", Cefr::A2)]);
    }

    #[test]
    fn many_languages_and_layouts() {
        let cv = "Languages\nPolish (native), English (C1), German (basic)\nRussian: C2\n";
        assert_eq!(
            skills(cv),
            vec![("de", Cefr::A2), ("en", Cefr::C1), ("pl", Cefr::C2)]
        );
        assert_eq!(
            skills("Fluent in English and French"),
            vec![("en", Cefr::C1), ("fr", Cefr::C1)]
        );
        assert_eq!(
            skills("Mother tongue(s): Greek\nOther language(s): English\nC1 C1 B2 B2 C1"),
            vec![("el", Cefr::C2), ("en", Cefr::C1)]
        );
        assert_eq!(
            skills("Ελληνικά: μητρική\nΓαλλικά: καλά"),
            vec![("el", Cefr::C2), ("fr", Cefr::B2)]
        );
        assert_eq!(
            skills("Inglés: nivel avanzado (C1)\nFrancés: intermedio"),
            vec![("en", Cefr::C1), ("fr", Cefr::B1)]
        );
        assert_eq!(
            skills("Inglese: buono\nTedesco: scolastico"),
            vec![("en", Cefr::B2)]
        );
        assert_eq!(
            skills("Englisch: verhandlungssicher\nFranzösisch: Grundkenntnisse"),
            vec![("en", Cefr::C1), ("fr", Cefr::A2)]
        );
        assert_eq!(
            skills("Nederlands: moedertaal\nEngels: vloeiend"),
            vec![("en", Cefr::C1), ("nl", Cefr::C2)]
        );
        assert_eq!(
            skills("angličtina – pokročilá (C1)\nněmčina – středně pokročilá"),
            vec![("de", Cefr::B1), ("en", Cefr::C1)]
        );
        assert_eq!(
            skills("Svenska: modersmål\nEngelska: flytande"),
            vec![("en", Cefr::C1), ("sv", Cefr::C2)]
        );
        assert_eq!(
            skills("suomi: äidinkieli\nenglanti: sujuva"),
            vec![("en", Cefr::C1), ("fi", Cefr::C2)]
        );
        assert_eq!(
            skills("Limba română – maternă\nLimba engleză – B2"),
            vec![("en", Cefr::B2), ("ro", Cefr::C2)]
        );
        assert_eq!(
            skills("Português: língua materna\nInglês: fluente"),
            vec![("en", Cefr::C1), ("pt", Cefr::C2)]
        );
    }

    #[test]
    fn codes_win_over_words_and_highest_kept() {
        assert_eq!(skills("English: good (C1)"), vec![("en", Cefr::C1)]);
        assert_eq!(
            skills("English B1\nEnglish: fluent"),
            vec![("en", Cefr::C1)]
        );
        let q = language_skills("x\nFrench — B2\n");
        assert_eq!(q[0].quote, "French — B2");
    }

    #[test]
    fn ignores_non_eu_and_prose_without_levels() {
        assert!(skills("Arabic: native\nChinese: C1").is_empty());
        assert!(skills("Worked for the French ministry of defence").is_empty());
    }
}
