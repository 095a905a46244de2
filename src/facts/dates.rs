//! Date ranges in CV text ("03/2018 – obecnie", "Jan 2015 - Dec 2019", "seit März 2020", ...).

use super::months::{month_of_word, starts_two_word_month};
use crate::text::Folded;
use std::ops::Range;

/// A calendar month; ordering by (year, month).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct YearMonth {
    /// Calendar year.
    pub year: i32,
    /// Month, 1..=12.
    pub month: u32,
}

impl YearMonth {
    /// Builds a month value (callers keep `month` in 1..=12).
    pub const fn new(year: i32, month: u32) -> Self {
        YearMonth { year, month }
    }

    /// Months since January of year 0, for month arithmetic.
    fn ordinal(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }
}

/// A period of activity found in text, with the byte span of the date expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DatedPeriod {
    /// First month of the period.
    pub start: YearMonth,
    /// Last month of the period (inclusive; `present` for open-ended periods).
    pub end: YearMonth,
    /// Byte range in the input of the date expression (including a "since"-type word).
    pub span: Range<usize>,
}

impl DatedPeriod {
    /// Number of months covered, both ends inclusive.
    pub fn months(&self) -> u32 {
        u32::try_from(self.end.ordinal() - self.start.ordinal() + 1).unwrap_or(0)
    }
}

/// Years later than `present.year` by more than this are never read as dates (ends up to it are clamped).
const FUTURE_YEARS: i32 = 10;
/// Tokens that may stand between the two ends of a range (at most three of them in a row).
const SEPARATORS: &[&str] = &[
    "-",
    "to",
    "till",
    "until",
    "til",
    "tot",
    "bis",
    "a",
    "au",
    "al",
    "hasta",
    "do",
    "ate",
    "εωσ",
    "μεχρι",
    "ωσ",
    "kuni",
    "iki",
    "lidz",
    "до",
    "fino",
    "pana",
    "la",
    "jusqu",
    "'",
    "tills",
    "ig",
];
/// Words meaning "now" at the open end of a range.
const PRESENT: &[&str] = &[
    "present",
    "presente",
    "now",
    "today",
    "current",
    "currently",
    "ongoing",
    "date",
    "heute",
    "jetzt",
    "aktuell",
    "laufend",
    "derzeit",
    "dato",
    "gegenwart",
    "momentan",
    "heden",
    "nu",
    "nyt",
    "idag",
    "dag",
    "nykyaan",
    "nykyhetkeen",
    "tahan",
    "obecnie",
    "teraz",
    "dzis",
    "dzisiaj",
    "σημερα",
    "τωρα",
    "hoy",
    "actualidad",
    "actualmente",
    "actual",
    "oggi",
    "attuale",
    "corso",
    "adesso",
    "atualmente",
    "atual",
    "hoje",
    "prezent",
    "prezentul",
    "azi",
    "jelenleg",
    "napjainkig",
    "mostanaig",
    "dnes",
    "soucasnost",
    "sucasnost",
    "dosud",
    "doteraz",
    "danas",
    "sada",
    "danes",
    "zdaj",
    "sedaj",
    "dabar",
    "siol",
    "sodien",
    "tagad",
    "patlaban",
    "praegu",
    "днес",
    "сега",
    "момента",
    "issa",
    "illum",
    "inniu",
    "lathair",
    "aujourd",
    "jour",
    "jours",
    "maintenant",
    "actuel",
    "actuellement",
    "nutid",
    "curent",
];
/// Words (as token sequences) meaning "since" just before a date.
const SINCE_BEFORE: &[&[&str]] = &[
    &["since"],
    &["from"],
    &["depuis"],
    &["seit"],
    &["ab"],
    &["desde"],
    &["od"],
    &["απο"],
    &["sinds"],
    &["vanaf"],
    &["dal"],
    &["dall"],
    &["dalla"],
    &["dallo"],
    &["sedan"],
    &["fran"],
    &["siden"],
    &["fra"],
    &["alates"],
    &["nuo"],
    &["kops"],
    &["от"],
    &["din"],
    &["minn"],
    &["vuodesta"],
    &["a", "partir", "de"],
    &["a", "partir", "del"],
    &["des"],
    &["since", "the"],
];
/// Words that may sit between a "since" word and its date ("od roku 2020", "από το 2020", "dall'aprile").
const SINCE_FILLERS: &[&str] = &["roku", "r", "το", "'", "le", "l", "godine", "leta", "gada"];
/// Words meaning "since" just after a date ("2020 alkaen", "2020-tól", "2020 óta").
const SINCE_AFTER: &[&str] = &["alkaen", "lahtien", "ota", "tol", "onwards", "onward"];
/// Year abbreviations that may follow a date ("2020 r.", "2015 m.", "2019 г.").
const YEAR_SUFFIX: &[&str] = &["r", "m", "g", "г"];

/// Every date range in `text`: closed ranges, ranges ending in a word for "now", and "since" dates.
/// Year-only starts are January, year-only ends December; open ends are `present`; ends after `present`
/// are clamped to it; ranges whose end precedes their start are dropped; years before 1950 or more than
/// ten years after `present.year` are not read as dates.
pub fn find_periods(text: &str, present: YearMonth) -> Vec<DatedPeriod> {
    let folded = Folded::new(text);
    let parser = Parser::new(&folded.text, present.year.saturating_add(FUTURE_YEARS));
    let mut out = Vec::new();
    let mut i = 0;
    while i < parser.toks.len() {
        match parser.range_at(i) {
            Some(found) => {
                let end = match found.end {
                    Some(e) if e > present => present,
                    Some(e) => e,
                    None => present,
                };
                if end >= found.start {
                    let a = parser.toks[found.first].start;
                    let b = parser.toks[found.last - 1].end;
                    out.push(DatedPeriod {
                        start: found.start,
                        end,
                        span: folded.original_range(a..b),
                    });
                }
                i = found.last;
            }
            None => i += 1,
        }
    }
    out
}

/// Number of distinct months covered by the union of periods (overlaps counted once; both ends inclusive).
pub fn union_months(periods: &[DatedPeriod]) -> u32 {
    let mut spans: Vec<(i64, i64)> = periods
        .iter()
        .filter(|p| p.end >= p.start)
        .map(|p| (p.start.ordinal(), p.end.ordinal()))
        .collect();
    spans.sort_unstable();
    let mut total: i64 = 0;
    let mut current: Option<(i64, i64)> = None;
    for (s, e) in spans {
        current = match current {
            Some((cs, ce)) if s <= ce + 1 => Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += ce - cs + 1;
                Some((s, e))
            }
            None => Some((s, e)),
        };
    }
    if let Some((cs, ce)) = current {
        total += ce - cs + 1;
    }
    u32::try_from(total).unwrap_or(u32::MAX)
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct,
}

/// One token of the folded text.
#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    line: usize,
    /// Whitespace (or a line break) precedes the token.
    gap: bool,
}

/// One date: the month it names, whether only a year was given, and the token after it.
#[derive(Debug, Clone, Copy)]
struct DateHit {
    ym: YearMonth,
    year_only: bool,
    next: usize,
}

/// A range found at a token: start, end (`None` = open), and its token extent.
struct Found {
    start: YearMonth,
    end: Option<YearMonth>,
    first: usize,
    last: usize,
}

/// Token-level recogniser of dates and ranges.
struct Parser<'t> {
    text: &'t str,
    toks: Vec<Tok>,
    max_year: i32,
}

impl<'t> Parser<'t> {
    /// Tokenises folded text into words, ASCII digit runs and single punctuation chars.
    fn new(text: &'t str, max_year: i32) -> Self {
        let mut toks: Vec<Tok> = Vec::new();
        let mut line = 0;
        let mut gap = true;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                line += usize::from(c == '\n');
                gap = true;
                continue;
            }
            let kind = if c.is_ascii_digit() {
                Kind::Num
            } else if c.is_alphabetic() {
                Kind::Word
            } else {
                Kind::Punct
            };
            let end = i + c.len_utf8();
            match toks.last_mut() {
                Some(t) if !gap && t.end == i && t.kind == kind && kind != Kind::Punct => {
                    t.end = end
                }
                _ => toks.push(Tok {
                    kind,
                    start: i,
                    end,
                    line,
                    gap,
                }),
            }
            gap = false;
        }
        Parser {
            text,
            toks,
            max_year,
        }
    }

    /// Text of token `i` ("" past the end).
    fn txt(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// Token `i` exists and directly follows token `i - 1` (no whitespace).
    fn adjacent(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    /// Tokens `a` and `b` exist and are on the same line.
    fn same_line(&self, a: usize, b: usize) -> bool {
        matches!((self.toks.get(a), self.toks.get(b)), (Some(x), Some(y)) if x.line == y.line)
    }

    /// Value of token `i` if it is a number with a digit count in `digits`.
    fn num(&self, i: usize, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Num && digits.contains(&(t.end - t.start)))
            .then(|| self.txt(i).parse().ok())?
    }

    /// Token `i` as a plausible year.
    fn year(&self, i: usize) -> Option<i32> {
        let y = i32::try_from(self.num(i, 4..=4)?).ok()?;
        (1950..=self.max_year).contains(&y).then_some(y)
    }

    /// Token `i` as a month number 1..=12.
    fn month_num(&self, i: usize) -> Option<u32> {
        self.num(i, 1..=2).filter(|m| (1..=12).contains(m))
    }

    /// Token `i` is a date-internal separator directly attached to its neighbours.
    fn date_sep(&self, i: usize) -> bool {
        matches!(self.txt(i), "." | "/" | "-") && self.adjacent(i) && self.adjacent(i + 1)
    }

    /// Token `i` is a word in `set`.
    fn word_in(&self, i: usize, set: &[&str]) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind != Kind::Num) && set.contains(&self.txt(i))
    }

    /// A month name at token `i` (one word, or two for Irish): month and the token after it.
    fn month_word(&self, i: usize) -> Option<(u32, usize)> {
        if self.toks.get(i)?.kind != Kind::Word {
            return None;
        }
        if starts_two_word_month(self.txt(i))
            && self.toks.get(i + 1).is_some_and(|t| t.kind == Kind::Word)
            && self.same_line(i, i + 1)
        {
            let two = format!("{} {}", self.txt(i), self.txt(i + 1));
            if let Some(m) = month_of_word(&two) {
                return Some((m, i + 2));
            }
        }
        month_of_word(self.txt(i)).map(|m| (m, i + 1))
    }

    /// A single date starting at token `i`.
    fn date_at(&self, i: usize) -> Option<DateHit> {
        let hit = self.date_core(i)?;
        Some(DateHit {
            next: self.skip_suffix(hit.next),
            ..hit
        })
    }

    /// Skips "r."/"m."/"г." or a bare attached "." after a date.
    fn skip_suffix(&self, mut j: usize) -> usize {
        if self.word_in(j, YEAR_SUFFIX) && self.same_line(j - 1, j) {
            j += 1;
            if self.txt(j) == "." && self.adjacent(j) {
                j += 1;
            }
        } else if self.txt(j) == "."
            && self.adjacent(j)
            && !(self.adjacent(j + 1) && self.num(j + 1, 1..=4).is_some())
        {
            j += 1;
        }
        j
    }

    /// The date formats, most specific first.
    fn date_core(&self, i: usize) -> Option<DateHit> {
        let ym = |y: i32, m: u32| YearMonth::new(y, m);
        // DD.MM.YYYY (day ignored), or MM/DD/YYYY when the middle number cannot be a month.
        if let (Some(a), true, Some(b), true, Some(y)) = (
            self.num(i, 1..=2),
            self.date_sep(i + 1),
            self.num(i + 2, 1..=2),
            self.date_sep(i + 3),
            self.year(i + 4),
        ) {
            if self.txt(i + 1) == self.txt(i + 3) {
                let month = if (1..=12).contains(&b) && (1..=31).contains(&a) {
                    Some(b)
                } else if (1..=12).contains(&a) && (13..=31).contains(&b) {
                    Some(a)
                } else {
                    None
                };
                if let Some(m) = month {
                    return Some(DateHit {
                        ym: ym(y, m),
                        year_only: false,
                        next: i + 5,
                    });
                }
            }
        }
        // MM/YYYY, MM.YYYY, MM-YYYY
        if let (Some(m), true, Some(y)) =
            (self.month_num(i), self.date_sep(i + 1), self.year(i + 2))
        {
            return Some(DateHit {
                ym: ym(y, m),
                year_only: false,
                next: i + 3,
            });
        }
        if let Some(y) = self.year(i) {
            // YYYY-MM, YYYY/MM, YYYY.MM, optionally -DD
            if let (true, Some(m)) = (self.date_sep(i + 1), self.month_num(i + 2)) {
                let mut next = i + 3;
                if self.txt(next) == self.txt(i + 1)
                    && self.date_sep(next)
                    && self.num(next + 1, 1..=2).is_some()
                {
                    next += 2;
                }
                return Some(DateHit {
                    ym: ym(y, m),
                    year_only: false,
                    next,
                });
            }
            // YYYY[.] [m.] month-name (Hungarian, Lithuanian), unless that name starts the next date
            let j = if self.txt(i + 1) == "." && self.adjacent(i + 1) {
                i + 2
            } else if self.txt(i + 1) == "m" && self.txt(i + 2) == "." {
                i + 3
            } else {
                i
            };
            if j > i && self.same_line(i, j) {
                if let Some((m, next)) = self.month_word(j) {
                    let mut k = next;
                    if self.txt(k) == "." {
                        k += 1;
                    }
                    if self.year(k).is_none() {
                        return Some(DateHit {
                            ym: ym(y, m),
                            year_only: false,
                            next,
                        });
                    }
                }
            }
            // YYYY alone, not glued to a preceding word, number or ':' '.' '/' (ISO 27001:2013, phone numbers)
            let glued = i > 0
                && !self.toks[i].gap
                && (self.toks[i - 1].kind != Kind::Punct
                    || matches!(self.txt(i - 1), ":" | "." | "/" | "+"));
            return (!glued).then_some(DateHit {
                ym: ym(y, 1),
                year_only: true,
                next: i + 1,
            });
        }
        // Month-name [.] [,] [de|del] [day [,]] YYYY
        let (m, mut j) = self.month_word(i)?;
        if self.txt(j) == "." && self.adjacent(j) {
            j += 1;
        }
        if matches!(self.txt(j), "," | "de" | "del") {
            j += 1;
        }
        if self.num(j, 1..=2).is_some() && self.year(j).is_none() {
            j += 1;
            if matches!(self.txt(j), "," | ".") {
                j += 1;
            }
        }
        let y = self.year(j)?;
        self.same_line(i, j).then_some(DateHit {
            ym: ym(y, m),
            year_only: false,
            next: j + 1,
        })
    }

    /// A range or open-ended date starting at token `i`.
    fn range_at(&self, i: usize) -> Option<Found> {
        let s = self.date_at(i)?;
        let j = s.next;
        let mut k = j;
        while k < j + 3 && self.word_in(k, SEPARATORS) && self.same_line(i, k) {
            k += 1;
        }
        if k > j {
            if let Some(e) = self.date_at(k).filter(|_| self.same_line(i, k)) {
                let end = if e.year_only {
                    YearMonth::new(e.ym.year, 12)
                } else {
                    e.ym
                };
                return Some(Found {
                    start: s.ym,
                    end: Some(end),
                    first: i,
                    last: e.next,
                });
            }
            if self.word_in(k, PRESENT) && self.same_line(i, k) {
                let mut last = k + 1;
                if self.txt(last) == "'" && self.txt(last + 1) == "hui" {
                    last += 2;
                }
                return Some(Found {
                    start: s.ym,
                    end: None,
                    first: i,
                    last,
                });
            }
        }
        let mut after = j;
        if self.txt(after) == "-" && self.adjacent(after) {
            after += 1;
        }
        if self.word_in(after, SINCE_AFTER) && self.same_line(i, after) {
            return Some(Found {
                start: s.ym,
                end: None,
                first: i,
                last: after + 1,
            });
        }
        let first = self.since_before(i)?;
        Some(Found {
            start: s.ym,
            end: None,
            first,
            last: j,
        })
    }

    /// Index of a "since" phrase ending just before token `i` (fillers allowed in between).
    fn since_before(&self, i: usize) -> Option<usize> {
        let mut p = i;
        while p > 0 && p + 2 > i && self.word_in(p - 1, SINCE_FILLERS) && self.same_line(p - 1, i) {
            p -= 1;
        }
        for &phrase in SINCE_BEFORE {
            let n = phrase.len();
            if p >= n
                && self.same_line(p - n, i)
                && phrase
                    .iter()
                    .enumerate()
                    .all(|(q, w)| self.word_in(p - n + q, &[w]))
            {
                return Some(p - n);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;
    use proptest::prelude::*;

    const NOW: YearMonth = YearMonth::new(2024, 6);

    fn ym(year: i32, month: u32) -> YearMonth {
        YearMonth::new(year, month)
    }

    /// (start, end) of the single period found in `text`.
    fn one(text: &str) -> (YearMonth, YearMonth) {
        let p = find_periods(text, NOW);
        assert_eq!(p.len(), 1, "{text:?} -> {p:?}");
        (p[0].start, p[0].end)
    }

    #[test]
    fn word_lists_are_folded() {
        for w in SEPARATORS
            .iter()
            .chain(PRESENT)
            .chain(SINCE_AFTER)
            .chain(SINCE_FILLERS)
            .chain(YEAR_SUFFIX)
        {
            assert_eq!(&fold(w), w);
        }
        for w in SINCE_BEFORE.iter().flat_map(|p| p.iter()) {
            assert_eq!(&fold(w), w);
        }
    }

    #[test]
    fn formats_from_the_brief() {
        let cases: &[(&str, YearMonth, YearMonth)] = &[
            ("03/2018 – 06/2021", ym(2018, 3), ym(2021, 6)),
            ("03.2018 – obecnie", ym(2018, 3), NOW),
            ("Jan 2015 - Dec 2019", ym(2015, 1), ym(2019, 12)),
            ("mars 2016 – aujourd'hui", ym(2016, 3), NOW),
            ("mars 2016 – aujourd’hui", ym(2016, 3), NOW),
            ("2016–2021", ym(2016, 1), ym(2021, 12)),
            ("2019-03 – 2021-08", ym(2019, 3), ym(2021, 8)),
            ("since 2020", ym(2020, 1), NOW),
            ("depuis 2020", ym(2020, 1), NOW),
            ("seit März 2020", ym(2020, 3), NOW),
            ("desde 2020", ym(2020, 1), NOW),
            ("od 04.2019", ym(2019, 4), NOW),
            ("2020 alkaen", ym(2020, 1), NOW),
            ("από 05/2023", ym(2023, 5), NOW),
            ("May 2017 to present", ym(2017, 5), NOW),
            ("2018 - now", ym(2018, 1), NOW),
            ("de 2015 à 2018", ym(2015, 1), ym(2018, 12)),
            ("von 2015 bis 2018", ym(2015, 1), ym(2018, 12)),
            ("01.01.2015 – 31.12.2018", ym(2015, 1), ym(2018, 12)),
        ];
        for (text, s, e) in cases {
            assert_eq!(one(text), (*s, *e), "{text}");
        }
    }

    #[test]
    fn more_languages_and_layouts() {
        let cases: &[(&str, YearMonth, YearMonth)] = &[
            ("marca 2015 – października 2019", ym(2015, 3), ym(2019, 10)),
            ("března 2017 – současnost", ym(2017, 3), NOW),
            ("Μαρτίου 2019 - σήμερα", ym(2019, 3), NOW),
            ("Μάρ 2019 – Δεκ 2020", ym(2019, 3), ym(2020, 12)),
            ("junio de 2015 – actualidad", ym(2015, 6), NOW),
            ("settembre 2012 – oggi", ym(2012, 9), NOW),
            ("2012 – 2014 (Security Analyst)", ym(2012, 1), ym(2014, 12)),
            ("2015. március – 2018. június", ym(2015, 3), ym(2018, 6)),
            ("2015 r. – obecnie", ym(2015, 1), NOW),
            ("od 2015 do 2018", ym(2015, 1), ym(2018, 12)),
            ("dall'aprile 2020", ym(2020, 4), NOW),
            ("2020-tól", ym(2020, 1), NOW),
            ("janvier 2010 - juin 2012", ym(2010, 1), ym(2012, 6)),
            ("March 1, 2015 – June 30, 2016", ym(2015, 3), ym(2016, 6)),
            ("12/31/2015 – 01/15/2016", ym(2015, 12), ym(2016, 1)),
            ("1.3.2015 – 2018", ym(2015, 3), ym(2018, 12)),
            ("2019-03-15 – 2020-01-31", ym(2019, 3), ym(2020, 1)),
            ("heinäkuu 2014 – nykyään", ym(2014, 7), NOW),
            ("a partir de 2021", ym(2021, 1), NOW),
            ("Sept. 2014 – Feb. 2016", ym(2014, 9), ym(2016, 2)),
            ("2016 – 2021 Led the SOC team", ym(2016, 1), ym(2021, 12)),
        ];
        for (text, s, e) in cases {
            assert_eq!(one(text), (*s, *e), "{text}");
        }
    }

    #[test]
    fn spans_point_at_the_expression() {
        let text = "Analyst, ACME\n  03/2018 – 06/2021  Brussels\nseit März 2020\n";
        let p = find_periods(text, NOW);
        assert_eq!(p.len(), 2);
        assert_eq!(&text[p[0].span.clone()], "03/2018 – 06/2021");
        assert_eq!(&text[p[1].span.clone()], "seit März 2020");
    }

    #[test]
    fn clamps_drops_and_ignores() {
        assert_eq!(one("2022 – 2026"), (ym(2022, 1), NOW));
        assert!(find_periods("06/2021 – 03/2018", NOW).is_empty());
        assert!(find_periods("1930 - 1940", NOW).is_empty());
        assert!(find_periods("2030 - 2031", NOW).is_empty());
        assert!(find_periods("ISO 27001:2013 certified, tel. +32 2 299 2015", NOW).is_empty());
        assert!(find_periods("In 2015 I moved. 2018 was good.", NOW).is_empty());
        assert!(find_periods("2015\n2018", NOW).is_empty());
    }

    #[test]
    fn present_comes_from_the_argument() {
        let a = find_periods("2019 - present", ym(2020, 2));
        let b = find_periods("2019 - present", ym(2023, 11));
        assert_eq!(a[0].end, ym(2020, 2));
        assert_eq!(b[0].end, ym(2023, 11));
        assert!(find_periods("2019 - present", ym(2018, 5)).is_empty());
    }

    #[test]
    fn union_counts_overlaps_once() {
        let p = |s: YearMonth, e: YearMonth| DatedPeriod {
            start: s,
            end: e,
            span: 0..0,
        };
        assert_eq!(union_months(&[]), 0);
        assert_eq!(union_months(&[p(ym(2018, 1), ym(2018, 12))]), 12);
        assert_eq!(
            union_months(&[p(ym(2018, 1), ym(2018, 12)), p(ym(2018, 6), ym(2019, 3))]),
            15
        );
        assert_eq!(
            union_months(&[p(ym(2018, 1), ym(2018, 1)), p(ym(2018, 2), ym(2018, 2))]),
            2
        );
        assert_eq!(
            union_months(&[p(ym(2018, 1), ym(2018, 1)), p(ym(2018, 3), ym(2018, 3))]),
            2
        );
    }

    /// Renders a month in one of the supported formats; `end` selects year-only rounding semantics.
    fn render(d: YearMonth, style: u8) -> String {
        const EN: [&str; 12] = [
            "January", "Feb", "March", "Apr", "May", "June", "July", "Aug", "Sept", "October",
            "Nov", "December",
        ];
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        const DE: [&str; 12] = [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ];
        const PL: [&str; 12] = [
            "stycznia",
            "lutego",
            "marca",
            "kwietnia",
            "maja",
            "czerwca",
            "lipca",
            "sierpnia",
            "września",
            "października",
            "listopada",
            "grudnia",
        ];
        const EL: [&str; 12] = [
            "Ιανουαρίου",
            "Φεβρουαρίου",
            "Μαρτίου",
            "Απριλίου",
            "Μαΐου",
            "Ιουνίου",
            "Ιουλίου",
            "Αυγούστου",
            "Σεπτεμβρίου",
            "Οκτωβρίου",
            "Νοεμβρίου",
            "Δεκεμβρίου",
        ];
        const ES: [&str; 12] = [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ];
        let (y, m) = (d.year, d.month as usize);
        match style {
            0 => format!("{m:02}/{y}"),
            1 => format!("{m:02}.{y}"),
            2 => format!("{y}-{m:02}"),
            3 => format!("{} {y}", EN[m - 1]),
            4 => format!("{} {y}", FR[m - 1]),
            5 => format!("{} {y}", DE[m - 1]),
            6 => format!("{} {y}", PL[m - 1]),
            7 => format!("{} {y}", EL[m - 1]),
            8 => format!("{} de {y}", ES[m - 1]),
            9 => format!("15.{m:02}.{y}"),
            _ => format!("{y}"),
        }
    }

    fn arb_month() -> impl Strategy<Value = YearMonth> {
        (1950i32..=2024, 1u32..=12).prop_map(|(y, m)| YearMonth::new(y, m))
    }

    proptest! {
        #[test]
        fn recovers_rendered_ranges(
            a in arb_month(), b in arb_month(), sa in 0u8..11, sb in 0u8..11,
            sep in prop::sample::select(vec![" – ", " - ", "-", "–", " to ", " bis ", " — ", " do "]),
            open in any::<bool>(),
            pre in prop::sample::select(vec!["", "Security Analyst, ACME\n", "• ", "(", "Period: "]),
            post in prop::sample::select(vec!["", "\nDid things.", " Brussels", ")", ", full time"]),
        ) {
            let (s, e) = if a <= b { (a, b) } else { (b, a) };
            let end_text = if open { "present".to_string() } else { render(e, sb) };
            // "2015-03/2018", "2015-03-04/2018" are genuinely ambiguous: glued separators only where the reading is unique.
            let sep = if matches!(sa, 2 | 10) && !open && matches!(sb, 0 | 1 | 9) && !sep.starts_with(' ') { " – " } else { sep };
            let text = format!("{pre}{}{sep}{end_text}{post}", render(s, sa));
            let want_s = if sa == 10 { YearMonth::new(s.year, 1) } else { s };
            let want_e = if open { NOW } else if sb == 10 { YearMonth::new(e.year, 12).min(NOW) } else { e.min(NOW) };
            let got = find_periods(&text, NOW);
            if want_e >= want_s {
                prop_assert_eq!(got.len(), 1, "{:?}", text);
                prop_assert_eq!((got[0].start, got[0].end), (want_s, want_e), "{:?}", text);
            } else {
                prop_assert!(got.is_empty(), "{:?}", text);
            }
        }

        #[test]
        fn union_matches_brute_force(raw in prop::collection::vec((arb_month(), 0u32..60), 0..8)) {
            let periods: Vec<DatedPeriod> = raw.iter().map(|(s, len)| {
                let o = s.ordinal() + i64::from(*len);
                let e = YearMonth::new((o / 12) as i32, (o % 12) as u32 + 1);
                DatedPeriod { start: *s, end: e, span: 0..0 }
            }).collect();
            let mut months = std::collections::BTreeSet::new();
            for p in &periods {
                for o in p.start.ordinal()..=p.end.ordinal() {
                    months.insert(o);
                }
            }
            prop_assert_eq!(union_months(&periods) as usize, months.len());
        }

        #[test]
        fn never_panics_on_arbitrary_text(s in "\\PC*") {
            for p in find_periods(&s, NOW) {
                prop_assert!(s.is_char_boundary(p.span.start) && s.is_char_boundary(p.span.end));
                prop_assert!(p.start <= p.end && p.end <= NOW);
            }
        }

        #[test]
        fn never_panics_on_date_like_soup(
            parts in prop::collection::vec(prop::sample::select(vec![
                "2015", "03", "/", ".", "-", "–", " ", "\n", "März", "since", "od", "present", "1", "31", "'", "r", "m",
                "Μάρ", "de", "ß", "İ", "2024", "12", "alkaen", "to",
            ]), 0..24)
        ) {
            let s: String = parts.concat();
            for p in find_periods(&s, NOW) {
                prop_assert!(s.is_char_boundary(p.span.start) && s.is_char_boundary(p.span.end));
                prop_assert!(p.start <= p.end && p.end <= NOW);
            }
        }
    }
}
