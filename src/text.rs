//! Case- and accent-insensitive whole-word matching shared by every fact extractor.

use std::ops::Range;

/// Latin and Greek letters with diacritics, and their bases (same char count as `FOLD_TO`).
const FOLD_FROM: &str = "àáâãäåāăąçćĉċčďèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀñńņňòóôõöøōŏőŕŗřśŝşšșţťțùúûüũūŭůűųŵýÿŷźżžǎǐǒǔάέήίόύώϊϋΐΰς";
/// Base letters for `FOLD_FROM`, position by position.
const FOLD_TO: &str = "aaaaaaaaacccccdeeeeeeeeegggghhiiiiiiiiijkllllnnnnooooooooorrrssssstttuuuuuuuuuuwyyyzzzaiouαεηιουωιυιυσ";

/// A lowercased, accent-stripped copy of a text that remembers where each byte came from.
pub(crate) struct Folded<'a> {
    /// The text as given.
    pub(crate) original: &'a str,
    /// The folded text: lowercase, no diacritics, dashes unified to `-`, apostrophes to `'`.
    pub(crate) text: String,
    /// For every byte of `text` (plus one past the end), the byte offset in `original` of the char that produced it.
    map: Vec<usize>,
}

impl<'a> Folded<'a> {
    /// Folds `original`, keeping the byte map back to it.
    pub(crate) fn new(original: &'a str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (pos, c) in original.char_indices() {
            if c.is_ascii() {
                text.push(c.to_ascii_lowercase());
                map.push(pos);
            } else {
                for lc in c.to_lowercase() {
                    fold_into(lc, &mut text);
                }
                map.resize(text.len(), pos);
            }
        }
        map.push(original.len());
        Folded {
            original,
            text,
            map,
        }
    }

    /// The byte range of `original` that produced the folded range `r`.
    pub(crate) fn original_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.map[r.start];
        if r.end <= r.start {
            return start..start;
        }
        let last = self.map[r.end - 1];
        let end = last
            + self.original[last..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        start..end
    }

    /// The trimmed original line containing folded byte `pos`, at most 200 chars, as evidence.
    pub(crate) fn quote_at(&self, pos: usize) -> String {
        let o = self.map[pos.min(self.text.len())];
        let start = self.original[..o].rfind('\n').map_or(0, |i| i + 1);
        let end = self.original[o..]
            .find('\n')
            .map_or(self.original.len(), |i| o + i);
        self.original[start..end].trim().chars().take(200).collect()
    }
}

/// Folds a needle or short string the same way `Folded::new` folds texts.
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut text = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        fold_into(c, &mut text);
    }
    text
}

/// `FOLD_FROM` → `FOLD_TO` pairs sorted by source char, built once.
fn fold_table() -> &'static [(char, char)] {
    static TABLE: std::sync::OnceLock<Vec<(char, char)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(char, char)> = FOLD_FROM.chars().zip(FOLD_TO.chars()).collect();
        table.sort_unstable();
        table
    })
}

/// The base letter of `c` in `FOLD_FROM`, or `c` itself.
fn fold_letter(c: char) -> char {
    let table = fold_table();
    table
        .binary_search_by_key(&c, |&(from, _)| from)
        .map_or(c, |at| table[at].1)
}

/// Appends the folded form of one lowercase char to `out`.
fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c);
        return;
    }
    match c {
        '\u{300}'..='\u{36f}' => {}
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => {
            out.push('-')
        }
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{2bc}' | '\u{b4}' | '`' => {
            out.push('\'')
        }
        'ß' => out.push_str("ss"),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'þ' => out.push_str("th"),
        'ð' | 'đ' => out.push('d'),
        'ł' => out.push('l'),
        _ => out.push(fold_letter(c)),
    }
}

/// A needle split into its core and whether a trailing `*` makes it a prefix.
fn split_prefix(needle: &str) -> (&str, bool) {
    match needle.strip_suffix('*') {
        Some(core) => (core, true),
        None => (needle, false),
    }
}

/// Whether `text` starts (or, with `last`, ends) with an alphanumeric char.
fn alnum_edge(text: &str, last: bool) -> bool {
    let edge = if last {
        text.chars().next_back()
    } else {
        text.chars().next()
    };
    edge.is_some_and(char::is_alphanumeric)
}

/// True when no word goes on across byte `pos` of `hay` from the left (no alphanumeric char before it).
fn free_before(hay: &str, pos: usize) -> bool {
    !alnum_edge(&hay[..pos], true)
}

/// True when no word goes on across byte `pos` of `hay` to the right (no alphanumeric char at it).
fn free_after(hay: &str, pos: usize) -> bool {
    !alnum_edge(&hay[pos..], false)
}

/// The end of the word that goes on at byte `pos` of `hay` (`pos` itself when none does).
fn word_end(hay: &str, pos: usize) -> usize {
    pos + hay[pos..]
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(hay.len() - pos)
}

/// Byte ranges in folded `hay` where folded `needle` occurs with word boundaries at its alphanumeric edges;
/// a trailing `*` in the needle drops the end boundary and extends the match to the end of the word.
pub(crate) fn find_word(hay: &str, needle: &str) -> Vec<Range<usize>> {
    let (core, prefix) = split_prefix(needle);
    if core.is_empty() {
        return Vec::new();
    }
    let first_alnum = alnum_edge(core, false);
    let last_alnum = alnum_edge(core, true);
    hay.match_indices(core)
        .filter_map(|(i, m)| {
            let end = i + m.len();
            let before_ok = !first_alnum || free_before(hay, i);
            let after_ok = prefix || !last_alnum || free_after(hay, end);
            (before_ok && after_ok).then(|| i..if prefix { word_end(hay, end) } else { end })
        })
        .collect()
}

/// One occurrence of a needle of [`Needles`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    /// The needle's position in the list [`Needles::new`] was given.
    pub(crate) needle: usize,
    /// Where it occurs (see [`find_word`]).
    pub(crate) at: Range<usize>,
}

/// A distinct needle core (a needle without its trailing `*`) and the needles that share it.
struct Core {
    /// Whether the core starts with an alphanumeric char (a word boundary is then needed before it).
    first_alnum: bool,
    /// Whether the core ends with an alphanumeric char (a word boundary is then needed after it).
    last_alnum: bool,
    /// The needles with this core: (position, prefix needle).
    needles: Vec<(usize, bool)>,
}

/// Many folded needles searched in one pass over a text, each with the rules of [`find_word`].
pub(crate) struct Needles {
    /// One pattern per distinct core.
    automaton: aho_corasick::AhoCorasick,
    /// The cores, by automaton pattern.
    cores: Vec<Core>,
}

impl Needles {
    /// Compiles folded `needles` (trailing `*` = any word ending); hits name them by position.
    pub(crate) fn new<'n>(needles: impl IntoIterator<Item = &'n str>) -> Self {
        let mut patterns: Vec<&str> = Vec::new();
        let mut core_of: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
        let mut cores: Vec<Core> = Vec::new();
        for (position, needle) in needles.into_iter().enumerate() {
            let (core, prefix) = split_prefix(needle);
            if core.is_empty() {
                continue;
            }
            let id = *core_of.entry(core).or_insert_with(|| {
                patterns.push(core);
                cores.push(Core {
                    first_alnum: alnum_edge(core, false),
                    last_alnum: alnum_edge(core, true),
                    needles: Vec::new(),
                });
                cores.len() - 1
            });
            cores[id].needles.push((position, prefix));
        }
        Needles {
            automaton: aho_corasick::AhoCorasick::new(patterns)
                .expect("needle automaton within size limits"),
            cores,
        }
    }

    /// Every occurrence in folded `hay` of every needle, exactly as [`find_word`] finds each
    /// (occurrences of one core do not overlap: each search resumes after the last one found),
    /// in order of the end of their core.
    pub(crate) fn hits<'s>(&'s self, hay: &'s str) -> impl Iterator<Item = Hit> + 's {
        let mut resume_at = vec![0; self.cores.len()];
        self.automaton
            .find_overlapping_iter(hay)
            .flat_map(move |found| {
                let id = found.pattern().as_usize();
                let core = &self.cores[id];
                let (start, end) = (found.start(), found.end());
                let taken = start >= resume_at[id];
                if taken {
                    resume_at[id] = end;
                }
                let starts_word = taken && (!core.first_alnum || free_before(hay, start));
                let ends_word = !core.last_alnum || free_after(hay, end);
                core.needles
                    .iter()
                    .filter(move |&&(_, prefix)| starts_word && (prefix || ends_word))
                    .map(move |&(needle, prefix)| Hit {
                        needle,
                        at: start..if prefix { word_end(hay, end) } else { end },
                    })
            })
    }

    /// True when any needle occurs in folded `hay`.
    pub(crate) fn occur_in(&self, hay: &str) -> bool {
        self.hits(hay).next().is_some()
    }
}

/// The lines of `text` as (byte offset, line without its line break).
pub(crate) fn lines_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        out.push((pos, line));
        pos += raw.len();
    }
    out
}

/// `hits` in a text grouped by the line of `lines` (from [`lines_with_offsets`]) they stand on,
/// with ranges relative to that line.
pub(crate) fn hits_by_line(
    lines: &[(usize, &str)],
    hits: impl Iterator<Item = Hit>,
) -> Vec<Vec<Hit>> {
    let mut out: Vec<Vec<Hit>> = vec![Vec::new(); lines.len()];
    for hit in hits {
        let line = lines.partition_point(|&(offset, _)| offset <= hit.at.start) - 1;
        let offset = lines[line].0;
        out[line].push(Hit {
            needle: hit.needle,
            at: hit.at.start - offset..hit.at.end - offset,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_tables_align() {
        assert_eq!(FOLD_FROM.chars().count(), FOLD_TO.chars().count());
    }

    #[test]
    fn folds_case_accents_and_dashes() {
        assert_eq!(
            fold("Fließend – Ελληνικά ŁÓDŹ Șerban"),
            "fliessend - ελληνικα lodz serban"
        );
        assert_eq!(fold("aujourd’hui"), "aujourd'hui");
        assert_eq!(fold("ΜΑΪΟΥ Μαρτίου"), "μαιου μαρτιου");
    }

    #[test]
    fn maps_back_to_original_bytes() {
        let f = Folded::new("Straße: März 2020");
        let r = find_word(&f.text, "marz").remove(0);
        assert_eq!(&f.original[f.original_range(r)], "März");
        let r = find_word(&f.text, "strasse").remove(0);
        assert_eq!(&f.original[f.original_range(r)], "Straße");
    }

    #[test]
    fn word_boundaries_and_prefixes() {
        assert_eq!(find_word("a cissp b", "cissp").len(), 1);
        assert!(find_word("xcissp", "cissp").is_empty());
        assert!(find_word("cisspx", "cissp").is_empty());
        assert_eq!(find_word("angielskiego c1", "angielsk*"), vec![0..12]);
        assert_eq!(find_word("comptia security+ cert", "security+").len(), 1);
    }

    #[test]
    fn quotes_the_line() {
        let f = Folded::new("one\n  Deutsch (fließend)  \nthree");
        let r = find_word(&f.text, "deutsch").remove(0);
        assert_eq!(f.quote_at(r.start), "Deutsch (fließend)");
    }

    #[test]
    fn needles_find_what_find_word_finds() {
        let needles = [
            "a-a",
            "cissp",
            "cissp*",
            "security+",
            "ph. d",
            "angielsk*",
            "-x",
            "",
            "ü2",
        ];
        let compiled = Needles::new(needles);
        for hay in [
            "xa-a-a a-a-a a-a",
            "cissp, cisspx xcissp cissps security+ security++",
            "ph. d ph. dx angielskiego c1 -x a-x -xy ü2 ü23",
        ] {
            let mut found: Vec<Hit> = compiled.hits(hay).collect();
            found.sort_by_key(|hit| (hit.needle, hit.at.start));
            let expected: Vec<Hit> = needles
                .iter()
                .enumerate()
                .flat_map(|(needle, text)| {
                    find_word(hay, text)
                        .into_iter()
                        .map(move |at| Hit { needle, at })
                })
                .collect();
            assert_eq!(found, expected, "{hay}");
        }
    }

    #[test]
    fn hits_are_grouped_by_line() {
        let text = "cissp\nnone\r\n x cissp";
        let lines = lines_with_offsets(text);
        let by_line = hits_by_line(&lines, Needles::new(["cissp"]).hits(text));
        let ranges: Vec<Vec<Range<usize>>> = by_line
            .iter()
            .map(|hits| hits.iter().map(|hit| hit.at.clone()).collect())
            .collect();
        assert_eq!(ranges, vec![vec![0..5], vec![], vec![3..8]]);
    }

    #[test]
    fn splits_lines() {
        assert_eq!(
            lines_with_offsets("a\r\nbc\nd"),
            vec![(0, "a"), (3, "bc"), (6, "d")]
        );
    }
}
