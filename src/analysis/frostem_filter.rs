//! A tantivy token filter over frostem's Snowball stemmers. Tantivy's own `Stemmer` only
//! exposes the languages of its `Language` enum (no Polish, Czech, Estonian, Lithuanian or
//! Irish); this filter reaches every algorithm frostem has.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Stems each (already lowercased) token with one Snowball algorithm.
#[derive(Clone)]
pub struct FrostemFilter {
    algorithm: frostem::Algorithm,
}

impl FrostemFilter {
    /// A filter for `algorithm`.
    pub fn new(algorithm: frostem::Algorithm) -> Self {
        FrostemFilter { algorithm }
    }
}

impl TokenFilter for FrostemFilter {
    type Tokenizer<T: Tokenizer> = FrostemTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> FrostemTokenizer<T> {
        FrostemTokenizer {
            algorithm: self.algorithm,
            inner: tokenizer,
        }
    }
}

/// The tokenizer produced by [`FrostemFilter`].
#[derive(Clone)]
pub struct FrostemTokenizer<T> {
    algorithm: frostem::Algorithm,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for FrostemTokenizer<T> {
    type TokenStream<'a> = FrostemTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        FrostemTokenStream {
            stemmer: frostem::Stemmer::new(self.algorithm),
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream produced by [`FrostemTokenizer`].
pub struct FrostemTokenStream<S> {
    stemmer: frostem::Stemmer,
    tail: S,
}

impl<S: TokenStream> TokenStream for FrostemTokenStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        // A word that is its own stem (most short words) keeps its buffer: no allocation.
        if let std::borrow::Cow::Owned(stemmed) = self.stemmer.stem(&token.text) {
            token.text = stemmed;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
