//! The index schema and the conversion between [`StoredCv`] and tantivy documents.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, FAST, STORED, STRING,
};
use tantivy::TantivyDocument;

use super::StoredCv;
use crate::analysis;
use crate::lang::EuLanguage;
use crate::status::Status;

/// Every field of the schema, resolved once.
#[derive(Debug, Clone)]
pub struct Fields {
    /// Candidate key (exact match, stored, and a fast field to read keys of hits cheaply).
    pub key: Field,
    /// Relative path (stored).
    pub path: Field,
    /// Content hash (exact match, stored).
    pub sha256: Field,
    /// Extraction status name (exact match, stored).
    pub status: Field,
    /// Failure detail (stored).
    pub detail: Field,
    /// ISO 639-1 code or "unknown" (exact match, stored).
    pub language: Field,
    /// Backend name (stored).
    pub backend: Field,
    /// 1 when a limit cut the text (stored).
    pub truncated: Field,
    /// Invisible character count (stored).
    pub hidden_chars: Field,
    /// Invisible text sample (stored).
    pub hidden_sample: Field,
    /// Visible text, one value per page (stored, not indexed).
    pub page: Field,
    /// Analysed body, one field per language; index 24 is the unknown-language field, which
    /// also holds every CV's text unstemmed. Term frequencies only, no positions: only BM25
    /// term queries read them (positions took 8 % of the index and 1.5 MiB of peak memory).
    pub bodies: Vec<Field>,
}

/// Field name of the analysed body for a language.
pub fn body_field_name(language: Option<EuLanguage>) -> String {
    format!("body_{}", language.map_or("xx", EuLanguage::code))
}

/// Every body language: the 24 official languages, then unknown.
pub fn body_languages() -> impl Iterator<Item = Option<EuLanguage>> {
    EuLanguage::ALL
        .into_iter()
        .map(Some)
        .chain(std::iter::once(None))
}

/// Builds the schema.
pub fn build() -> Schema {
    let mut builder = Schema::builder();
    builder.add_text_field("key", STRING | STORED | FAST);
    builder.add_text_field("path", STORED);
    builder.add_text_field("sha256", STRING | STORED | FAST);
    builder.add_text_field("status", STRING | STORED);
    builder.add_text_field("detail", STORED);
    builder.add_text_field("language", STRING | STORED);
    builder.add_text_field("backend", STORED);
    builder.add_u64_field("truncated", STORED);
    builder.add_u64_field("hidden_chars", STORED);
    builder.add_text_field("hidden_sample", STORED);
    builder.add_text_field("page", STORED);
    for language in body_languages() {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(&analysis::tokenizer_name(language))
            .set_index_option(IndexRecordOption::WithFreqs);
        builder.add_text_field(
            &body_field_name(language),
            TextOptions::default().set_indexing_options(indexing),
        );
    }
    builder.build()
}

impl Fields {
    /// Looks up every field in `schema`.
    pub fn resolve(schema: &Schema) -> tantivy::Result<Fields> {
        let field = |name: &str| schema.get_field(name);
        Ok(Fields {
            key: field("key")?,
            path: field("path")?,
            sha256: field("sha256")?,
            status: field("status")?,
            detail: field("detail")?,
            language: field("language")?,
            backend: field("backend")?,
            truncated: field("truncated")?,
            hidden_chars: field("hidden_chars")?,
            hidden_sample: field("hidden_sample")?,
            page: field("page")?,
            bodies: body_languages()
                .map(|language| field(&body_field_name(language)))
                .collect::<tantivy::Result<_>>()?,
        })
    }

    /// The analysed body field for a language.
    pub fn body(&self, language: Option<EuLanguage>) -> Field {
        let position = language.map_or(EuLanguage::ALL.len(), |language| {
            EuLanguage::ALL
                .iter()
                .position(|l| *l == language)
                .unwrap_or(EuLanguage::ALL.len())
        });
        self.bodies[position]
    }

    pub(super) fn to_document(&self, cv: &StoredCv) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(self.key, &cv.key);
        doc.add_text(self.path, &cv.path);
        doc.add_text(self.sha256, cv.sha256.to_string());
        doc.add_text(self.status, cv.status.as_str());
        doc.add_text(self.detail, &cv.detail);
        doc.add_text(
            self.language,
            cv.language.map_or("unknown", EuLanguage::code),
        );
        doc.add_text(self.backend, &cv.backend);
        doc.add_u64(self.truncated, u64::from(cv.truncated));
        doc.add_u64(self.hidden_chars, cv.hidden_chars);
        doc.add_text(self.hidden_sample, &cv.hidden_sample);
        // Every CV is in its language's field (stemmed) and in the unknown-language field
        // (lowercased and folded only), where terms match as written.
        let body = self.body(cv.language);
        let raw = self.body(None);
        for page in &cv.pages {
            doc.add_text(self.page, page);
            doc.add_text(body, page);
            if body != raw {
                doc.add_text(raw, page);
            }
        }
        doc
    }

    /// The CV a document holds; None when its content hash is unreadable (a damaged document
    /// counts as absent, so its file is extracted again).
    pub(super) fn to_stored(&self, doc: &TantivyDocument) -> Option<StoredCv> {
        let text = |field| super::text_of(doc, field);
        let number = |field| {
            doc.get_first(field)
                .and_then(|value| value.as_u64())
                .unwrap_or(0)
        };
        Some(StoredCv {
            key: text(self.key),
            path: text(self.path),
            sha256: text(self.sha256).parse().ok()?,
            status: Status::parse(&text(self.status)).unwrap_or(Status::Unreadable),
            detail: text(self.detail),
            language: EuLanguage::from_code(&text(self.language)),
            backend: text(self.backend),
            truncated: number(self.truncated) != 0,
            hidden_chars: number(self.hidden_chars),
            hidden_sample: text(self.hidden_sample),
            pages: doc
                .get_all(self.page)
                .filter_map(|value| value.as_str().map(str::to_string))
                .collect(),
        })
    }
}
