//! Month names (full, genitive/locative and abbreviated) in the official EU languages.

use crate::text::fold;
use foldhash::HashMap as FastMap;
use std::sync::OnceLock;

/// Month words per month, January first; an entry with a space is a two-word name (Irish).
/// Croatian `listopad` (October) is deliberately absent: the same word means November in Polish and Czech.
const MONTHS: [&[&str]; 12] = [
    &[
        "january",
        "jan",
        "janvier",
        "janv",
        "januar",
        "jänner",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "januari",
        "janeiro",
        "styczeń",
        "stycznia",
        "styczniu",
        "sty",
        "leden",
        "ledna",
        "lednu",
        "január",
        "januára",
        "ianuarie",
        "ian",
        "tammikuu",
        "siječanj",
        "siječnja",
        "sausis",
        "sausio",
        "janvāris",
        "janvāra",
        "jaanuar",
        "януари",
        "ιανουάριος",
        "ιανουαρίου",
        "ιαν",
        "jannar",
        "eanáir",
    ],
    &[
        "february",
        "feb",
        "février",
        "févr",
        "fevr",
        "februar",
        "febrero",
        "febbraio",
        "februari",
        "fevereiro",
        "fev",
        "luty",
        "lutego",
        "lutym",
        "lut",
        "únor",
        "února",
        "únoru",
        "február",
        "februára",
        "februarie",
        "helmikuu",
        "veljača",
        "veljače",
        "vasaris",
        "vasario",
        "februāris",
        "februāra",
        "veebruar",
        "февруари",
        "φεβρουάριος",
        "φεβρουαρίου",
        "φεβ",
        "frar",
        "feabhra",
    ],
    &[
        "march",
        "mar",
        "mars",
        "märz",
        "marzo",
        "maart",
        "mrt",
        "março",
        "marzec",
        "marca",
        "marcu",
        "březen",
        "března",
        "březnu",
        "marec",
        "martie",
        "maaliskuu",
        "március",
        "márc",
        "ožujak",
        "ožujka",
        "kovas",
        "kovo",
        "marts",
        "marta",
        "märts",
        "март",
        "μάρτιος",
        "μαρτίου",
        "μάρ",
        "marzu",
        "márta",
    ],
    &[
        "april",
        "apr",
        "avril",
        "avr",
        "abril",
        "abr",
        "aprile",
        "kwiecień",
        "kwietnia",
        "kwietniu",
        "kwi",
        "duben",
        "dubna",
        "dubnu",
        "apríl",
        "apríla",
        "aprilie",
        "huhtikuu",
        "április",
        "ápr",
        "travanj",
        "travnja",
        "balandis",
        "balandžio",
        "aprīlis",
        "aprīļa",
        "aprill",
        "април",
        "απρίλιος",
        "απριλίου",
        "απρ",
        "aibreán",
    ],
    &[
        "may",
        "mai",
        "mayo",
        "maggio",
        "mei",
        "maio",
        "maj",
        "maja",
        "maju",
        "květen",
        "května",
        "květnu",
        "máj",
        "mája",
        "toukokuu",
        "május",
        "svibanj",
        "svibnja",
        "gegužė",
        "gegužės",
        "maijs",
        "maija",
        "май",
        "μάιος",
        "μαΐου",
        "μάη",
        "mejju",
        "bealtaine",
    ],
    &[
        "june",
        "jun",
        "juin",
        "juni",
        "junio",
        "giugno",
        "junho",
        "czerwiec",
        "czerwca",
        "czerwcu",
        "cze",
        "červen",
        "června",
        "červnu",
        "jún",
        "júna",
        "iunie",
        "iun",
        "kesäkuu",
        "június",
        "lipanj",
        "lipnja",
        "junij",
        "birželis",
        "birželio",
        "jūnijs",
        "jūnija",
        "juuni",
        "юни",
        "ιούνιος",
        "ιουνίου",
        "ιούν",
        "ġunju",
        "meitheamh",
    ],
    &[
        "july",
        "jul",
        "juillet",
        "juil",
        "juli",
        "julio",
        "luglio",
        "lug",
        "julho",
        "lipiec",
        "lipca",
        "lipcu",
        "lip",
        "červenec",
        "července",
        "červenci",
        "júl",
        "júla",
        "iulie",
        "iul",
        "heinäkuu",
        "július",
        "srpanj",
        "srpnja",
        "julij",
        "liepa",
        "liepos",
        "jūlijs",
        "jūlija",
        "juuli",
        "юли",
        "ιούλιος",
        "ιουλίου",
        "ιούλ",
        "lulju",
        "iúil",
    ],
    &[
        "august",
        "aug",
        "août",
        "aout",
        "agosto",
        "ago",
        "augustus",
        "sierpień",
        "sierpnia",
        "sierpniu",
        "sie",
        "srpen",
        "srpna",
        "srpnu",
        "augusta",
        "elokuu",
        "augusztus",
        "kolovoz",
        "kolovoza",
        "avgust",
        "rugpjūtis",
        "rugpjūčio",
        "augusts",
        "август",
        "αύγουστος",
        "αυγούστου",
        "αύγ",
        "awwissu",
        "lúnasa",
    ],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "set",
        "setembro",
        "wrzesień",
        "września",
        "wrześniu",
        "wrz",
        "září",
        "septembra",
        "septembrie",
        "syyskuu",
        "szeptember",
        "szept",
        "rujan",
        "rujna",
        "rugsėjis",
        "rugsėjo",
        "septembris",
        "септември",
        "σεπτέμβριος",
        "σεπτεμβρίου",
        "σεπ",
        "settembru",
        "meán fómhair",
    ],
    &[
        "october",
        "oct",
        "octobre",
        "oktober",
        "okt",
        "octubre",
        "ottobre",
        "ott",
        "outubro",
        "out",
        "październik",
        "października",
        "październiku",
        "paź",
        "říjen",
        "října",
        "říjnu",
        "október",
        "októbra",
        "octombrie",
        "lokakuu",
        "spalis",
        "spalio",
        "oktobris",
        "oktoober",
        "октомври",
        "οκτώβριος",
        "οκτωβρίου",
        "οκτ",
        "ottubru",
        "deireadh fómhair",
    ],
    &[
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "listopad",
        "listopada",
        "listopadzie",
        "lis",
        "listopadu",
        "novembra",
        "noiembrie",
        "marraskuu",
        "studeni",
        "studenoga",
        "lapkritis",
        "lapkričio",
        "novembris",
        "ноември",
        "νοέμβριος",
        "νοεμβρίου",
        "νοέ",
        "novembru",
        "samhain",
    ],
    &[
        "december",
        "dec",
        "décembre",
        "dezember",
        "dez",
        "diciembre",
        "dicembre",
        "dic",
        "dezembro",
        "grudzień",
        "grudnia",
        "grudniu",
        "gru",
        "prosinec",
        "prosince",
        "prosinci",
        "decembra",
        "decembrie",
        "joulukuu",
        "prosinac",
        "prosinca",
        "gruodis",
        "gruodžio",
        "decembris",
        "detsember",
        "dets",
        "декември",
        "δεκέμβριος",
        "δεκεμβρίου",
        "δεκ",
        "diċembru",
        "nollaig",
    ],
];

/// Words that look like inflected or abbreviated month names but are not.
const NOT_MONTHS: &[&str] = &["junior", "juniors", "marshal", "augustin"];

/// Folded month words: exact lookup (first month listing a word wins), the full list for prefix
/// lookups, and the first words of two-word names.
struct Table {
    exact: FastMap<String, u32>,
    forms: Vec<(String, u32)>,
    two_word_starts: Vec<String>,
}

/// The folded month table, built once.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut exact = FastMap::default();
        let mut forms = Vec::new();
        let mut two_word_starts = Vec::new();
        for (i, words) in MONTHS.iter().enumerate() {
            let month = i as u32 + 1;
            for w in words.iter() {
                let f = fold(w);
                if let Some((first, _)) = f.split_once(' ') {
                    two_word_starts.push(first.to_string());
                }
                exact.entry(f.clone()).or_insert(month);
                forms.push((f, month));
            }
        }
        Table {
            exact,
            forms,
            two_word_starts,
        }
    })
}

/// Whether a folded word can start a two-word month name ("meán fómhair"), so that the pair is
/// worth looking up.
pub(crate) fn starts_two_word_month(word: &str) -> bool {
    table().two_word_starts.iter().any(|start| start == word)
}

/// The month (1..=12) a folded word names: an exact form, an abbreviation (a prefix of at least three
/// letters of one month's forms only) or an inflection (starting with a form of five or more letters).
pub(crate) fn month_of_word(word: &str) -> Option<u32> {
    thread_local! {
        /// Words already looked up: CVs repeat the same words, and a miss scans every form.
        static SEEN: std::cell::RefCell<FastMap<String, Option<u32>>> = std::cell::RefCell::new(FastMap::default());
    }
    if let Some(known) = SEEN.with(|seen| seen.borrow().get(word).copied()) {
        return known;
    }
    let month = lookup_month(word);
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() > 100_000 {
            seen.clear();
        }
        seen.insert(word.to_string(), month);
    });
    month
}

/// [`month_of_word`] without the memo.
fn lookup_month(word: &str) -> Option<u32> {
    let t = table();
    if let Some(&m) = t.exact.get(word) {
        return Some(m);
    }
    let len = word.chars().count();
    if len < 3 || word.contains(' ') || NOT_MONTHS.contains(&word) {
        return None;
    }
    let unique = |mut it: Box<dyn Iterator<Item = u32> + '_>| {
        let first = it.next()?;
        it.all(|m| m == first).then_some(first)
    };
    unique(Box::new(
        t.forms
            .iter()
            .filter(|(f, _)| f.starts_with(word))
            .map(|(_, m)| *m),
    ))
    .or_else(|| {
        unique(Box::new(
            t.forms
                .iter()
                .filter(|(f, _)| f.chars().count() >= 5 && word.starts_with(f.as_str()))
                .map(|(_, m)| *m),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(w: &str) -> Option<u32> {
        month_of_word(&fold(w))
    }

    #[test]
    fn full_names_in_many_languages() {
        for (w, n) in [
            ("January", 1),
            ("février", 2),
            ("März", 3),
            ("marca", 3),
            ("března", 3),
            ("Μαρτίου", 3),
            ("kwietnia", 4),
            ("Μαΐου", 5),
            ("mayo", 5),
            ("czerwca", 6),
            ("července", 7),
            ("lipca", 7),
            ("lipanj", 6),
            ("août", 8),
            ("września", 9),
            ("października", 10),
            ("listopad", 11),
            ("grudnia", 12),
            ("декември", 12),
            ("meán fómhair", 9),
            ("joulukuuta", 12),
            ("tammikuussa", 1),
            ("március", 3),
            ("gegužės", 5),
            ("detsember", 12),
            ("diċembru", 12),
            ("setembro", 9),
        ] {
            assert_eq!(m(w), Some(n), "{w}");
        }
    }

    #[test]
    fn abbreviations() {
        for (w, n) in [
            ("Jan", 1),
            ("Feb", 2),
            ("Mar", 3),
            ("Μάρ", 3),
            ("Apr", 4),
            ("May", 5),
            ("Jun", 6),
            ("Jul", 7),
            ("Aug", 8),
            ("Sept", 9),
            ("Oct", 10),
            ("Nov", 11),
            ("Dec", 12),
            ("janv", 1),
            ("févr", 2),
            ("juil", 7),
            ("mrt", 3),
            ("paź", 10),
            ("Okt", 10),
            ("Dez", 12),
            ("sty", 1),
            ("lip", 7),
            ("Ιούν", 6),
        ] {
            assert_eq!(m(w), Some(n), "{w}");
        }
    }

    #[test]
    fn rejects_non_months_and_ambiguous_prefixes() {
        for w in [
            "marketing",
            "ma",
            "the",
            "srp",
            "cerv",
            "rug",
            "since",
            "decision",
            "junior",
        ] {
            assert_eq!(m(w), None, "{w}");
        }
    }
}
