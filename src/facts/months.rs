//! Month names (full, genitive/locative and abbreviated) in the official EU languages.

use crate::text::fold;
use foldhash::{HashMap as FastMap, HashSet as FastSet};
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

/// Folded month words: exact lookup (first month listing a word wins), every form sorted for
/// abbreviation lookups, the months of each form of five or more letters for inflection lookups,
/// and the first words of two-word names.
struct Table {
    exact: FastMap<String, u32>,
    sorted: Vec<(String, Months)>,
    stems: FastMap<String, Months>,
    two_word_starts: Vec<String>,
    /// The first three letters of every form: a word that starts otherwise is neither an
    /// abbreviation nor an inflection of one, which most words of a CV can learn at once.
    three_letter_starts: FastSet<String>,
}

/// A set of months, bit `m - 1` for month `m`: a word names a month only if it leads to one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Months(u16);

impl Months {
    fn of(month: u32) -> Months {
        Months(1 << (month - 1))
    }

    fn the_only(self) -> Option<u32> {
        (self.0.count_ones() == 1).then(|| self.0.trailing_zeros() + 1)
    }
}

impl std::ops::BitOrAssign for Months {
    fn bitor_assign(&mut self, other: Months) {
        self.0 |= other.0;
    }
}

/// The folded month table, built once.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut exact = FastMap::default();
        let mut sorted = Vec::new();
        let mut stems: FastMap<String, Months> = FastMap::default();
        let mut two_word_starts = Vec::new();
        for (i, words) in MONTHS.iter().enumerate() {
            let month = i as u32 + 1;
            for w in words.iter() {
                let f = fold(w);
                if let Some((first, _)) = f.split_once(' ') {
                    two_word_starts.push(first.to_string());
                }
                exact.entry(f.clone()).or_insert(month);
                if f.chars().count() >= 5 {
                    *stems.entry(f.clone()).or_default() |= Months::of(month);
                }
                sorted.push((f, Months::of(month)));
            }
        }
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        let three_letter_starts = sorted
            .iter()
            .filter_map(|(form, _)| three_letters(form))
            .map(str::to_string)
            .collect();
        Table {
            exact,
            sorted,
            stems,
            two_word_starts,
            three_letter_starts,
        }
    })
}

/// Whether a folded word can start a two-word month name ("meán fómhair"), so that the pair is
/// worth looking up.
pub(crate) fn starts_two_word_month(word: &str) -> bool {
    table().two_word_starts.iter().any(|start| start == word)
}

/// The first three characters of `word`, if it has that many.
fn three_letters(word: &str) -> Option<&str> {
    let end = word.char_indices().nth(3).map_or(word.len(), |(at, _)| at);
    (word[..end].chars().count() == 3).then(|| &word[..end])
}

/// The month (1..=12) a folded word names: an exact form, an abbreviation (a prefix of at least three
/// letters of one month's forms only) or an inflection (starting with a form of five or more letters).
pub(crate) fn month_of_word(word: &str) -> Option<u32> {
    let t = table();
    if let Some(&m) = t.exact.get(word) {
        return Some(m);
    }
    let starts_like_a_form =
        three_letters(word).is_some_and(|start| t.three_letter_starts.contains(start));
    if !starts_like_a_form || word.contains(' ') || NOT_MONTHS.contains(&word) {
        return None;
    }
    let mut abbreviated = Months::default();
    let first = t.sorted.partition_point(|(form, _)| form.as_str() < word);
    for (_, months) in t.sorted[first..]
        .iter()
        .take_while(|(form, _)| form.starts_with(word))
    {
        abbreviated |= *months;
    }
    abbreviated.the_only().or_else(|| {
        let mut inflected = Months::default();
        for (at, _) in word.char_indices().skip(5) {
            if let Some(months) = t.stems.get(&word[..at]) {
                inflected |= *months;
            }
        }
        if let Some(months) = t.stems.get(word) {
            inflected |= *months;
        }
        inflected.the_only()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lookup as first written: a scan of every form for abbreviations and inflections.
    fn scanned(word: &str) -> Option<u32> {
        let t = table();
        if let Some(&m) = t.exact.get(word) {
            return Some(m);
        }
        if word.chars().count() < 3 || word.contains(' ') || NOT_MONTHS.contains(&word) {
            return None;
        }
        let unique = |months: Vec<u32>| {
            let first = *months.first()?;
            months.iter().all(|&m| m == first).then_some(first)
        };
        let forms = || {
            t.sorted
                .iter()
                .map(|(form, months)| (form, months.the_only().unwrap()))
        };
        unique(
            forms()
                .filter(|(f, _)| f.starts_with(word))
                .map(|(_, m)| m)
                .collect(),
        )
        .or_else(|| {
            let inflected =
                forms().filter(|(f, _)| f.chars().count() >= 5 && word.starts_with(f.as_str()));
            unique(inflected.map(|(_, m)| m).collect())
        })
    }

    #[test]
    fn indexed_lookup_agrees_with_a_scan_of_every_form() {
        let mut words = Vec::new();
        for (form, _) in &table().sorted {
            for (at, _) in form.char_indices().skip(1) {
                words.push(form[..at].to_string());
            }
            for suffix in ["", "a", "ie", "u", "ban", "o"] {
                words.push(format!("{form}{suffix}"));
            }
        }
        words.extend(["junior", "marshal", "x", "dec", "decembre", "septembrie"].map(String::from));
        for word in &words {
            assert_eq!(month_of_word(word), scanned(word), "{word}");
        }
        assert!(words.len() > 2000, "{} words", words.len());
    }

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
