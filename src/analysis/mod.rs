//! Analyse stage: the per-language token chain shared by the index and the scorer, and the
//! split of a CV into sections.
//!
//! The chain is lowercase → Snowball stem (frostem) → fold accents, in that order: Snowball
//! rules match accented endings, so folding must come after stemming. The same chain analyses
//! CV text (in the index and for evidence) and profile terms, so both meet on equal terms.

mod frostem_filter;
pub mod sections;

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, TokenStream,
    TokenizerManager,
};

use crate::lang::EuLanguage;
use frostem_filter::FrostemFilter;

/// Tokens longer than this (in bytes) are dropped: base64 blobs and hashes are not words.
const MAX_TOKEN_BYTES: usize = 60;

/// Name of the tantivy tokenizer for a language (`cv_xx` for unknown).
pub fn tokenizer_name(language: Option<EuLanguage>) -> String {
    format!("cv_{}", language.map_or("xx", EuLanguage::code))
}

/// Builds the analyser for a language; unknown languages are lowercased and folded only.
pub fn analyzer(language: Option<EuLanguage>) -> TextAnalyzer {
    let base = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser);
    match language.and_then(EuLanguage::stemmer) {
        Some(algorithm) => base
            .filter(FrostemFilter::new(algorithm))
            .filter(AsciiFoldingFilter)
            .build(),
        None => base.filter(AsciiFoldingFilter).build(),
    }
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
    fn offsets_point_at_the_source_words() {
        let mut english = analyzer(Some(EuLanguage::En));
        let text = "Led security audits";
        let terms = analyse(&mut english, text);
        assert_eq!(&text[terms[2].start..terms[2].end], "audits");
        assert_eq!(terms[2].text, "audit");
    }
}
