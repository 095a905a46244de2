//! Analyse stage: the per-language token chain shared by the index and the scorer, and the
//! split of a CV into sections.
//!
//! The chain is lowercase → Snowball stem (frostem) → fold accents, in that order: Snowball
//! rules match accented endings, so folding must come after stemming. The same chain analyses
//! CV text (in the index and for evidence) and profile terms, so both meet on equal terms.

mod frostem_filter;
pub mod sections;

use std::cell::RefCell;
use std::hash::BuildHasher;

use hashbrown::HashTable;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
    TextAnalyzerBuilder, TokenStream, Tokenizer, TokenizerManager,
};

use crate::lang::EuLanguage;
use frostem_filter::FrostemFilter;

/// Tokens longer than this (in bytes) are dropped: base64 blobs and hashes are not words.
const MAX_TOKEN_BYTES: usize = 60;

/// Name of the tantivy tokenizer for a language (`cv_xx` for unknown).
pub fn tokenizer_name(language: Option<EuLanguage>) -> String {
    format!("cv_{}", language.map_or("xx", EuLanguage::code))
}

/// The first stages of every chain: words cut, long ones dropped, lowercased.
fn words_chain() -> TextAnalyzerBuilder<impl Tokenizer> {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
}

/// The last stages of a language's chain (stem, then fold) after `tokenizer`.
fn finish<T: Tokenizer>(
    tokenizer: TextAnalyzerBuilder<T>,
    language: Option<EuLanguage>,
) -> TextAnalyzer {
    match language.and_then(EuLanguage::stemmer) {
        Some(algorithm) => tokenizer
            .filter(FrostemFilter::new(algorithm))
            .filter(AsciiFoldingFilter)
            .build(),
        None => tokenizer.filter(AsciiFoldingFilter).build(),
    }
}

/// Builds the analyser for a language; unknown languages are lowercased and folded only.
pub fn analyzer(language: Option<EuLanguage>) -> TextAnalyzer {
    finish(words_chain(), language)
}

/// The lowercased words of a text: [`analyzer`] before its stemming and folding, for
/// [`WordForms`] to finish word by word.
pub fn words_analyzer() -> TextAnalyzer {
    words_chain().build()
}

/// The rest of [`analyzer`] for one lowercased word of [`words_analyzer`]: what the chain of a
/// language and the chain of no language make of it. Running the chains this way lets a caller
/// cut a text into words once and finish each distinct word once.
#[derive(Clone)]
pub struct WordForms {
    /// The language of `stemmed`.
    language: Option<EuLanguage>,
    /// Stems (when the language has a stemmer) and folds a whole word.
    stemmed: TextAnalyzer,
    /// Folds a whole word.
    raw: TextAnalyzer,
}

/// Words a thread has finished, all languages together, before it forgets them all: a bound on
/// memory. The words CVs share most are finished again within a few CVs of a reset. Measured:
/// 8,192 keeps the instruction count of 16,384 words per language (within 0.6 %) and lowers
/// the peak memory of a 20,000-CV run in 24 languages by 2 MiB; 4,096 costs 3 % more
/// instructions in the consumer threads.
const FINISHED_WORDS_KEPT: usize = 8_192;
/// Bytes of words and forms a thread keeps (about 22 a word in real CVs), also a reason to
/// forget them all.
const FINISHED_BYTES_KEPT: usize = 256 * 1024;

impl WordForms {
    /// The word chains of `language` and of no language.
    pub fn new(language: Option<EuLanguage>) -> Self {
        WordForms {
            language,
            stemmed: finish(TextAnalyzer::builder(RawTokenizer::default()), language),
            raw: finish(TextAnalyzer::builder(RawTokenizer::default()), None),
        }
    }

    /// What `use_forms` makes of the analysed forms of a lowercased word: (stemmed in the
    /// language, only folded). CVs share most of their words, so each thread remembers the
    /// words it has finished, and lends their forms without copying them (`use_forms` must not
    /// ask for forms itself).
    pub fn of<R>(&mut self, word: &str, use_forms: impl FnOnce(&str, &str) -> R) -> R {
        thread_local! {
            static FINISHED: RefCell<Finished> = RefCell::default();
        }
        FINISHED.with(|finished| {
            let mut finished = finished.borrow_mut();
            if let Some((stemmed, raw)) = finished.forms_of(self.language, word) {
                return use_forms(stemmed, raw);
            }
            let (stemmed, raw) = (whole(&mut self.stemmed, word), whole(&mut self.raw, word));
            finished.keep(self.language, word, (&stemmed, &raw));
            use_forms(&stemmed, &raw)
        })
    }
}

/// The words a thread has finished: each word's text and forms back to back in one buffer,
/// found through a table of small entries. Two allocations of fixed size (about 400 KB) instead
/// of two or three small ones per word, which were 100 bytes a word and fragmented the
/// thread's heap as the cache filled and was forgotten.
struct Finished {
    /// Every kept word, then its stemmed form, then its raw form.
    texts: String,
    /// Where each kept word lies in `texts`.
    entries: HashTable<FinishedWord>,
    /// Seeded per process, like every map of text a CV's author controls (see the README).
    hasher: foldhash::fast::RandomState,
}

/// Where one kept word and its forms lie in [`Finished::texts`].
#[derive(Clone, Copy)]
struct FinishedWord {
    start: u32,
    language: Option<EuLanguage>,
    word_len: u8,
    stemmed_len: u8,
    raw_len: u8,
}

impl FinishedWord {
    fn word<'t>(&self, texts: &'t str) -> &'t str {
        let start = self.start as usize;
        &texts[start..start + usize::from(self.word_len)]
    }

    fn forms<'t>(&self, texts: &'t str) -> (&'t str, &'t str) {
        let stemmed = self.start as usize + usize::from(self.word_len);
        let raw = stemmed + usize::from(self.stemmed_len);
        (
            &texts[stemmed..raw],
            &texts[raw..raw + usize::from(self.raw_len)],
        )
    }
}

impl Default for Finished {
    fn default() -> Self {
        Finished {
            texts: String::with_capacity(FINISHED_BYTES_KEPT),
            entries: HashTable::with_capacity(FINISHED_WORDS_KEPT),
            hasher: foldhash::fast::RandomState::default(),
        }
    }
}

impl Finished {
    fn forms_of(&self, language: Option<EuLanguage>, word: &str) -> Option<(&str, &str)> {
        let hash = self.hasher.hash_one((language, word));
        let kept = self.entries.find(hash, |kept| {
            kept.language == language && kept.word(&self.texts) == word
        })?;
        Some(kept.forms(&self.texts))
    }

    /// Remembers a word's forms; once [`FINISHED_WORDS_KEPT`] words or [`FINISHED_BYTES_KEPT`]
    /// bytes are kept, forgets them all first (the allocations stay, at their fixed size). A
    /// form too long to note in a byte is not kept.
    fn keep(&mut self, language: Option<EuLanguage>, word: &str, (stemmed, raw): (&str, &str)) {
        let (Ok(word_len), Ok(stemmed_len), Ok(raw_len)) = (
            u8::try_from(word.len()),
            u8::try_from(stemmed.len()),
            u8::try_from(raw.len()),
        ) else {
            return;
        };
        let bytes = word.len() + stemmed.len() + raw.len();
        if self.entries.len() >= FINISHED_WORDS_KEPT
            || self.texts.len() + bytes > FINISHED_BYTES_KEPT
        {
            self.entries.clear();
            self.texts.clear();
        }
        let kept = FinishedWord {
            start: u32::try_from(self.texts.len()).expect("a buffer of FINISHED_BYTES_KEPT"),
            language,
            word_len,
            stemmed_len,
            raw_len,
        };
        self.texts.extend([word, stemmed, raw]);
        let Finished {
            texts,
            entries,
            hasher,
        } = self;
        let hash = hasher.hash_one((language, word));
        entries.insert_unique(hash, kept, |kept| {
            hasher.hash_one((kept.language, kept.word(texts)))
        });
    }
}

/// The single token a whole-text chain makes of `word`.
fn whole(chain: &mut TextAnalyzer, word: &str) -> String {
    let mut stream = chain.token_stream(word);
    stream.advance();
    std::mem::take(&mut stream.token_mut().text)
}

/// Registers every language's analyser. Tantivy does not store tokenizers in the index, so
/// this must run each time an index is opened or created.
pub fn register_analyzers(manager: &TokenizerManager) {
    manager.register(&tokenizer_name(None), analyzer(None));
    for language in EuLanguage::ALL {
        manager.register(&tokenizer_name(Some(language)), analyzer(Some(language)));
    }
}

/// One analysed word with the byte range of its source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The analysed form (lowercased, stemmed, folded).
    pub text: String,
    /// Byte offset of the source word's start.
    pub start: usize,
    /// Byte offset just past the source word.
    pub end: usize,
}

/// Analyses `text` with `analyzer`, keeping the source offsets of every word.
pub fn analyse(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Term> {
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while stream.advance() {
        let token = stream.token();
        terms.push(Term {
            text: token.text.clone(),
            start: token.offset_from,
            end: token.offset_to,
        });
    }
    terms
}

/// The analysed forms of a term or phrase, for matching against analysed CV text.
pub fn analyse_phrase(analyzer: &mut TextAnalyzer, phrase: &str) -> Vec<String> {
    analyse(analyzer, phrase)
        .into_iter()
        .map(|term| term.text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stemming_comes_before_folding() {
        let mut french = analyzer(Some(EuLanguage::Fr));
        assert_eq!(
            analyse_phrase(&mut french, "Sécurité des réseaux"),
            analyse_phrase(&mut french, "sécurité DES réseau")
        );
        let folded = analyse_phrase(&mut french, "sécurité");
        assert!(folded[0].is_ascii(), "{folded:?}");
    }

    #[test]
    fn polish_inflections_share_a_stem() {
        let mut polish = analyzer(Some(EuLanguage::Pl));
        assert_eq!(
            analyse_phrase(&mut polish, "audytów"),
            analyse_phrase(&mut polish, "audyty")
        );
    }

    #[test]
    fn finished_words_are_bounded_across_languages() {
        let mut finished = Finished::default();
        let forms = ("stem", "raw");
        for n in 0..FINISHED_WORDS_KEPT {
            let language = EuLanguage::ALL.get(n % 3).copied();
            finished.keep(language, &format!("w{n}"), forms);
        }
        let first = EuLanguage::ALL.first().copied();
        assert!(finished.forms_of(first, "w0").is_some());
        finished.keep(None, "one more", forms);
        assert!(finished.forms_of(first, "w0").is_none(), "all forgotten");
        assert_eq!(finished.forms_of(None, "one more"), Some(forms));
        assert_eq!(finished.entries.len(), 1);
    }

    #[test]
    fn finished_bytes_are_bounded_and_overlong_forms_not_kept() {
        let mut finished = Finished::default();
        finished.keep(None, "w", (&"s".repeat(300), "w"));
        assert!(
            finished.forms_of(None, "w").is_none(),
            "a form over 255 bytes"
        );

        let (stemmed, raw) = ("s".repeat(200), "r".repeat(200));
        let forms = (stemmed.as_str(), raw.as_str());
        let fitting = FINISHED_BYTES_KEPT / ("w0000".len() + 400);
        for n in 0..fitting {
            finished.keep(None, &format!("w{n:04}"), forms);
        }
        assert_eq!(finished.forms_of(None, "w0000"), Some(forms));
        finished.keep(None, "w9999", forms);
        assert!(finished.forms_of(None, "w0000").is_none(), "all forgotten");
        assert_eq!(finished.entries.len(), 1);
    }

    #[test]
    fn word_forms_finish_the_chains() {
        let text = "Sécurité des RÉSEAUX, audyty audytów İstanbul ﬁrewall Straße ΑΣΦΑΛΕΙΑ 2019 x";
        for language in std::iter::once(None).chain(EuLanguage::ALL.map(Some)) {
            let mut forms = WordForms::new(language);
            let finished: Vec<(String, String)> = analyse(&mut words_analyzer(), text)
                .into_iter()
                .map(|term| forms.of(&term.text, |stemmed, raw| (stemmed.into(), raw.into())))
                .collect();
            let stemmed = analyse_phrase(&mut analyzer(language), text);
            let raw = analyse_phrase(&mut analyzer(None), text);
            let expected: Vec<(String, String)> = stemmed.into_iter().zip(raw).collect();
            assert_eq!(finished, expected, "{language:?}");
        }
    }

    #[test]
    fn offsets_point_at_the_source_words() {
        let mut english = analyzer(Some(EuLanguage::En));
        let text = "Led security audits";
        let terms = analyse(&mut english, text);
        assert_eq!(&text[terms[2].start..terms[2].end], "audits");
        assert_eq!(terms[2].text, "audit");
    }
}
