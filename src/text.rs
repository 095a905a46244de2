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
            for lc in c.to_lowercase() {
                fold_into(lc, &mut text);
            }
            map.resize(text.len(), pos);
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

    /// Folded ranges where `needle` (folded here; trailing `*` = any word ending) occurs as whole word(s).
    pub(crate) fn find(&self, needle: &str) -> Vec<Range<usize>> {
        find_word(&self.text, &fold(needle))
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

/// `FOLD_FROM` → `FOLD_TO`, built once.
fn fold_table() -> &'static std::collections::HashMap<char, char> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<char, char>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| FOLD_FROM.chars().zip(FOLD_TO.chars()).collect())
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
        _ => out.push(fold_table().get(&c).copied().unwrap_or(c)),
    }
}

/// Byte ranges in folded `hay` where folded `needle` occurs with word boundaries at its alphanumeric edges;
/// a trailing `*` in the needle drops the end boundary and extends the match to the end of the word.
pub(crate) fn find_word(hay: &str, needle: &str) -> Vec<Range<usize>> {
    let (core, prefix) = match needle.strip_suffix('*') {
        Some(c) => (c, true),
        None => (needle, false),
    };
    if core.is_empty() {
        return Vec::new();
    }
    let first_alnum = core.chars().next().is_some_and(char::is_alphanumeric);
    let last_alnum = core.chars().next_back().is_some_and(char::is_alphanumeric);
    hay.match_indices(core)
        .filter_map(|(i, m)| {
            let end = i + m.len();
            let before_ok = !first_alnum
                || hay[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = prefix
                || !last_alnum
                || hay[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
            (before_ok && after_ok).then(|| {
                let stop = if prefix {
                    end + hay[end..]
                        .find(|c: char| !c.is_alphanumeric())
                        .unwrap_or(hay.len() - end)
                } else {
                    end
                };
                i..stop
            })
        })
        .collect()
}

/// True when folded `hay` contains any of `needles` as whole word(s).
pub(crate) fn contains_any(hay: &str, needles: &[&str]) -> bool {
    WordSet::new(hay).contains_any(needles)
}

/// The words of a folded text, to rule out most needles with a hash lookup before searching.
pub(crate) struct WordSet<'a> {
    hay: &'a str,
    words: std::collections::HashSet<&'a str>,
}

impl<'a> WordSet<'a> {
    /// Collects the words of folded `hay`.
    pub(crate) fn new(hay: &'a str) -> Self {
        WordSet {
            hay,
            words: hay
                .split(|c: char| !c.is_alphanumeric())
                .filter(|word| !word.is_empty())
                .collect(),
        }
    }

    /// False when folded `needle` cannot occur: one of its whole words is absent.
    pub(crate) fn may_contain(&self, needle: &str) -> bool {
        let prefix_at_end = needle.ends_with('*');
        let mut words = needle
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .peekable();
        while let Some(word) = words.next() {
            let last = words.peek().is_none();
            let open_ended = prefix_at_end && last;
            if !open_ended && !self.words.contains(word) {
                return false;
            }
        }
        true
    }

    /// The words, for looking needles up by their first word (see [`NeedleIndex`]).
    pub(crate) fn words(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.words.iter().copied()
    }

    /// Where folded `needle` occurs as whole word(s) (see [`find_word`]).
    pub(crate) fn find(&self, needle: &str) -> Vec<Range<usize>> {
        if self.may_contain(needle) {
            find_word(self.hay, needle)
        } else {
            Vec::new()
        }
    }

    /// True when any of `needles` (folded here) occurs as whole word(s).
    pub(crate) fn contains_any(&self, needles: &[&str]) -> bool {
        needles.iter().any(|needle| {
            let already_folded = needle
                .bytes()
                .all(|byte| byte.is_ascii() && !byte.is_ascii_uppercase());
            if already_folded {
                !self.find(needle).is_empty()
            } else {
                !self.find(&fold(needle)).is_empty()
            }
        })
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

/// Many folded needles indexed by their first word, so that a line is only searched for the
/// needles that start with one of its words.
pub(crate) struct NeedleIndex {
    by_first_word: std::collections::HashMap<String, Vec<usize>>,
    always: Vec<usize>,
}

impl NeedleIndex {
    /// Indexes folded `needles` (their positions are what [`NeedleIndex::candidates`] returns).
    pub(crate) fn new<'n>(needles: impl IntoIterator<Item = &'n str>) -> Self {
        let mut index = NeedleIndex {
            by_first_word: std::collections::HashMap::new(),
            always: Vec::new(),
        };
        for (position, needle) in needles.into_iter().enumerate() {
            match needle
                .split(|c: char| !c.is_alphanumeric())
                .find(|word| !word.is_empty())
            {
                Some(first)
                    if !needle[needle.find(first).unwrap_or(0) + first.len()..]
                        .starts_with('*') =>
                {
                    index
                        .by_first_word
                        .entry(first.to_string())
                        .or_default()
                        .push(position)
                }
                _ => index.always.push(position),
            }
        }
        index
    }

    /// Positions of the needles that may occur in the text of `words`, in ascending order.
    pub(crate) fn candidates(&self, words: &WordSet) -> Vec<usize> {
        let mut found: Vec<usize> = self.always.clone();
        for word in words.words() {
            if let Some(positions) = self.by_first_word.get(word) {
                found.extend(positions);
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }
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
        let r = f.find("deutsch").remove(0);
        assert_eq!(f.quote_at(r.start), "Deutsch (fließend)");
    }

    #[test]
    fn splits_lines() {
        assert_eq!(
            lines_with_offsets("a\r\nbc\nd"),
            vec![(0, "a"), (3, "bc"), (6, "d")]
        );
    }
}
