//! Is extracted text usable? A backend that "succeeds" can still return garbage: replacement
//! characters from a missing ToUnicode map, words split into single letters by misread glyph
//! widths, or almost nothing per page. Such text triggers the fallback to the next backend.

use crate::extract::Page;

/// Below this many letters per page a document is treated as having no text layer.
const MIN_LETTERS_PER_PAGE: usize = 20;
/// Above this share of U+FFFD among letters the text is undecodable.
const MAX_REPLACEMENT_SHARE: f64 = 0.01;
/// Above this share of 1–2-letter tokens, words were split apart.
const MAX_SHORT_TOKEN_SHARE: f64 = 0.5;

/// The verdict on one backend's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Good enough to keep.
    Good,
    /// Next to no text: probably a scan or an image-only PDF.
    NoText,
    /// Text is there but damaged (replacement characters, split words).
    Garbage,
}

/// Judges the text of a whole document.
pub fn judge(pages: &[Page]) -> Verdict {
    let letters: usize = pages
        .iter()
        .map(|page| page.text.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    let replacements: usize = pages
        .iter()
        .map(|page| page.text.chars().filter(|&c| c == '\u{FFFD}').count())
        .sum();
    if letters < MIN_LETTERS_PER_PAGE * pages.len().clamp(1, 3) {
        return Verdict::NoText;
    }
    if replacements as f64 > MAX_REPLACEMENT_SHARE * letters as f64 {
        return Verdict::Garbage;
    }
    let (short, total) = pages
        .iter()
        .flat_map(|page| page.text.split_whitespace())
        .filter(|token| token.chars().any(char::is_alphabetic))
        .fold((0usize, 0usize), |(short, total), token| {
            (short + usize::from(token.chars().count() <= 2), total + 1)
        });
    if total > 0 && short as f64 > MAX_SHORT_TOKEN_SHARE * total as f64 {
        return Verdict::Garbage;
    }
    Verdict::Good
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Page {
        Page {
            text: text.to_string(),
            hidden_chars: 0,
        }
    }

    #[test]
    fn ordinary_text_is_good() {
        let text =
            "Senior security engineer at CERT, incident response and cloud security on Azure";
        assert_eq!(judge(&[page(text)]), Verdict::Good);
    }

    #[test]
    fn blank_pages_have_no_text() {
        assert_eq!(judge(&[page(""), page("  12 ")]), Verdict::NoText);
    }

    #[test]
    fn split_words_are_garbage() {
        let text = "Am é lie Lef è vre se cu ri ty en gi ne er in ci dent re spon se cl ou d";
        assert_eq!(judge(&[page(text)]), Verdict::Garbage);
    }

    #[test]
    fn replacement_characters_are_garbage() {
        let text = "Security \u{FFFD}\u{FFFD}\u{FFFD} engineer \u{FFFD}\u{FFFD} incident response \u{FFFD}";
        assert_eq!(judge(&[page(text)]), Verdict::Garbage);
    }
}
