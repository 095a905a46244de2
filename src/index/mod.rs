//! Index stage: one tantivy document per input file, persistent on disk between runs.
//!
//! Each document holds the CV's key (candidate id or relative path), content hash, extraction
//! status, language, stored page texts, and the text again in one analysed field per language
//! (so each language gets its own stemmer). Failed extractions are stored too, so an unchanged
//! broken file is not re-extracted every night. Upserts delete by key and add in the same
//! commit, so a crash between commits leaves each CV exactly once.

mod lock;
mod merge;
mod schema;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::index::SegmentId;
use tantivy::indexer::NoMergePolicy;
use tantivy::query::{BooleanQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::analysis;
use crate::content_hash::ContentHash;
use crate::error::FatalError;
use crate::extract::Extraction;
use crate::lang::EuLanguage;
use crate::status::Status;

pub use lock::IndexLock;
pub use schema::Fields;

/// Heap for each of tantivy's indexing threads (tantivy needs at least 15 MB per thread).
const WRITER_HEAP_BYTES_PER_THREAD: usize = 32_000_000;
/// The file in which tantivy lists an index's schema and segments.
const TANTIVY_META_FILE: &str = "meta.json";
/// Most indexing threads tantivy runs.
const MAX_WRITER_THREADS: usize = 8;

/// A CV as stored in the index.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCv {
    /// Candidate id from the manifest, else the path relative to the input folder.
    pub key: String,
    /// Path relative to the input folder (or manifest).
    pub path: String,
    /// SHA-256 of the file's bytes.
    pub sha256: ContentHash,
    /// Extraction outcome.
    pub status: Status,
    /// Failure detail or extraction note.
    pub detail: String,
    /// Detected language (None: unknown).
    pub language: Option<EuLanguage>,
    /// Backend whose text was kept.
    pub backend: String,
    /// A limit cut the text short.
    pub truncated: bool,
    /// Invisible characters found while extracting.
    pub hidden_chars: u64,
    /// A sample of the invisible text.
    pub hidden_sample: String,
    /// Visible text per page.
    pub pages: Vec<String>,
}

#[cfg(test)]
impl StoredCv {
    /// A CV whose extraction gave one page of `text`, for tests.
    pub(crate) fn with_text(key: &str, text: &str) -> StoredCv {
        StoredCv {
            key: key.into(),
            path: key.into(),
            sha256: ContentHash::new([0; 32]),
            status: Status::Ok,
            detail: String::new(),
            language: None,
            backend: "walker".into(),
            truncated: false,
            hidden_chars: 0,
            hidden_sample: String::new(),
            pages: vec![text.into()],
        }
    }
}

impl StoredCv {
    /// The visible text of each page, as the analysis stages take it.
    pub fn page_texts(&self) -> Vec<&str> {
        self.pages.iter().map(String::as_str).collect()
    }

    /// Builds the stored form of an extraction result.
    pub fn new(
        key: String,
        path: String,
        sha256: ContentHash,
        extraction: Extraction,
        language: Option<EuLanguage>,
    ) -> StoredCv {
        StoredCv {
            key,
            path,
            sha256,
            status: extraction.status,
            detail: extraction.detail,
            language,
            backend: extraction.backend,
            truncated: extraction.truncated,
            hidden_chars: extraction
                .pages
                .iter()
                .map(|page| page.hidden_chars as u64)
                .sum(),
            hidden_sample: extraction.hidden_sample,
            pages: extraction.pages.into_iter().map(|page| page.text).collect(),
        }
    }
}

/// Whether `schema` has cvmatch's key, hash and unknown-language body fields: an index of this
/// version or of an older one (whose body fields' options differ, or where a field came or went).
fn is_cvmatch_schema(schema: &tantivy::schema::Schema) -> bool {
    ["key", "sha256", &schema::body_field_name(None)]
        .iter()
        .all(|name| schema.get_field(name).is_ok())
}

/// An open CV index (on disk, or in memory for one-off scoring).
pub struct CvIndex {
    index: Index,
    fields: Fields,
    reader: IndexReader,
    path: Option<PathBuf>,
    _lock: Option<IndexLock>,
}

impl CvIndex {
    /// Opens (or creates) the index folder, taking the run lock first. `rebuild` starts a new,
    /// empty index there, whatever the old one was (even one with another schema, which cannot
    /// be opened at all); the old segments' files go at the new index's first commit. An index
    /// an older cvmatch wrote with another schema is rebuilt without being asked, so that a
    /// nightly run does not fail after an upgrade; any other index with another schema is
    /// refused, since the folder may not be cvmatch's.
    pub fn open(path: &Path, rebuild: bool, wait_for_lock: bool) -> Result<CvIndex, FatalError> {
        std::fs::create_dir_all(path).map_err(|error| FatalError::io(path, error))?;
        restrict_to_owner(path);
        let lock = IndexLock::acquire(path, wait_for_lock)?;
        let directory =
            tantivy::directory::MmapDirectory::open(path).map_err(|error| FatalError::Index {
                path: path.to_path_buf(),
                reason: error.to_string(),
            })?;
        let fail = |error: tantivy::TantivyError| FatalError::Index {
            path: path.to_path_buf(),
            reason: format!("{error} (run again with --rebuild to start a fresh index)"),
        };
        let existing = (!rebuild)
            .then(|| Index::open(directory.clone()).ok())
            .flatten();
        let index = match existing {
            Some(index) if index.schema() == schema::build() => index,
            other => {
                let outdated = other.is_some_and(|index| is_cvmatch_schema(&index.schema()));
                if outdated {
                    tracing::warn!(
                        "{}: the index was written by an older cvmatch with another schema; \
                         starting a fresh one (every CV is extracted again)",
                        path.display()
                    );
                }
                if rebuild || outdated {
                    // Without its list of segments, the folder holds no index: tantivy creates
                    // one, and collects the old files as garbage (it still knows them from
                    // `.managed.json`).
                    crate::atomic::remove(&path.join(TANTIVY_META_FILE))?;
                }
                // A new index, or tantivy's refusal of one with another schema.
                Index::open_or_create(directory, schema::build()).map_err(fail)?
            }
        };
        CvIndex::wrap(index, Some(path.to_path_buf()), Some(lock)).map_err(fail)
    }

    /// A throw-away index in memory (for `explain` and `evaluate`).
    pub fn in_memory() -> Result<CvIndex, FatalError> {
        let index = Index::create_in_ram(schema::build());
        CvIndex::wrap(index, None, None).map_err(|error| FatalError::Index {
            path: PathBuf::from("<memory>"),
            reason: error.to_string(),
        })
    }

    fn wrap(
        index: Index,
        path: Option<PathBuf>,
        lock: Option<IndexLock>,
    ) -> tantivy::Result<CvIndex> {
        // Tokenizers are not stored in the index: register them every time it is opened.
        analysis::register_analyzers(index.tokenizers());
        let fields = Fields::resolve(&index.schema())?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(CvIndex {
            index,
            fields,
            reader,
            path,
            _lock: lock,
        })
    }

    fn error(&self, error: impl std::fmt::Display) -> FatalError {
        FatalError::Index {
            path: self
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from("<memory>")),
            reason: error.to_string(),
        }
    }

    /// The index folder (None for an in-memory index).
    pub fn folder(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The stored CVs with these keys (those that exist).
    pub fn stored(&self, keys: &[&str]) -> Result<Vec<StoredCv>, FatalError> {
        let searcher = self.reader.searcher();
        if keys.len() * 4 >= searcher.num_docs() as usize {
            let wanted: std::collections::HashSet<&str> = keys.iter().copied().collect();
            return Ok(self
                .all()?
                .into_iter()
                .filter(|cv| wanted.contains(cv.key.as_str()))
                .collect());
        }
        let mut found = Vec::with_capacity(keys.len());
        for key in keys {
            let query = TermQuery::new(
                Term::from_field_text(self.fields.key, key),
                IndexRecordOption::Basic,
            );
            let hits = searcher
                .search(&query, &TopDocs::with_limit(1).order_by_score())
                .map_err(|error| self.error(error))?;
            for (_, address) in hits {
                let doc: TantivyDocument =
                    searcher.doc(address).map_err(|error| self.error(error))?;
                found.extend(self.fields.to_stored(&doc));
            }
        }
        Ok(found)
    }

    /// The schema's fields.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// Makes the last commit visible to searches.
    pub fn reload(&mut self) -> Result<(), FatalError> {
        self.reader.reload().map_err(|error| self.error(error))
    }

    /// A writer for upserts, indexing on `threads` threads (at most 8); one at a time
    /// (tantivy enforces it). Each thread has its own buffers and segment, so more threads than
    /// indexing keeps busy only cost memory; too few cap the pipeline on many cores. It merges
    /// no segments until [`CvWriter::finish`]: a merge while CVs stream in would hold its memory
    /// on top of the indexing buffers.
    pub fn writer(&self, threads: usize) -> Result<CvWriter<'_>, FatalError> {
        let threads = threads.clamp(1, MAX_WRITER_THREADS);
        let writer: IndexWriter = self
            .index
            .writer_with_num_threads(threads, threads * WRITER_HEAP_BYTES_PER_THREAD)
            .map_err(|error| self.error(error))?;
        writer.set_merge_policy(Box::new(NoMergePolicy));
        Ok(CvWriter {
            index: self,
            writer,
            threads,
            to_rewrite: HashSet::new(),
        })
    }

    /// The segments whose documents include one with `key`, deleted or not.
    fn segments_holding(&self, key: &str) -> Result<Vec<SegmentId>, FatalError> {
        let searcher = self.reader.searcher();
        let term = Term::from_field_text(self.fields.key, key);
        let mut segments = Vec::new();
        for segment in searcher.segment_readers() {
            let keys = segment
                .inverted_index(self.fields.key)
                .map_err(|error| self.error(error))?;
            let held = keys
                .get_term_info(&term)
                .map_err(|error| self.error(error))?;
            if held.is_some() {
                segments.push(segment.segment_id());
            }
        }
        Ok(segments)
    }

    /// Key → content hash of every stored CV, to skip unchanged files (a CV whose hash cannot
    /// be read is left out, and so extracted again).
    pub fn known_hashes(&self) -> Result<HashMap<String, ContentHash>, FatalError> {
        // Read from the fast fields: no stored document is decompressed, and each column's
        // dictionary is read once in order rather than looked up per document.
        let searcher = self.reader.searcher();
        let mut known = HashMap::new();
        for segment in searcher.segment_readers() {
            let fast = segment.fast_fields();
            let column = |name: &str| fast.str(name).map_err(|error| self.error(error));
            let (Some(keys), Some(hashes)) = (column("key")?, column("sha256")?) else {
                continue;
            };
            let key_terms = self.terms_by_ord(&keys)?;
            let hash_terms: Vec<Option<ContentHash>> = self
                .terms_by_ord(&hashes)?
                .iter()
                .map(|term| term.parse().ok())
                .collect();
            for doc_id in segment.doc_ids_alive() {
                if let (Some(key_ord), Some(sha_ord)) = (
                    keys.term_ords(doc_id).next(),
                    hashes.term_ords(doc_id).next(),
                ) {
                    if let Some(sha256) = hash_terms[sha_ord as usize] {
                        known.insert(key_terms[key_ord as usize].clone(), sha256);
                    }
                }
            }
        }
        Ok(known)
    }

    /// Every term of a string column, indexed by its ordinal.
    fn terms_by_ord(
        &self,
        column: &tantivy::columnar::StrColumn,
    ) -> Result<Vec<String>, FatalError> {
        let mut terms = Vec::with_capacity(column.dictionary().num_terms());
        let mut stream = column
            .dictionary()
            .stream()
            .map_err(|error| self.error(error))?;
        while stream.advance() {
            terms.push(String::from_utf8_lossy(stream.key()).into_owned());
        }
        Ok(terms)
    }

    /// Every stored CV, in no particular order.
    pub fn all(&self) -> Result<Vec<StoredCv>, FatalError> {
        let searcher = self.reader.searcher();
        let mut all = Vec::new();
        for segment in searcher.segment_readers() {
            let store = segment
                .get_store_reader(64)
                .map_err(|error| self.error(error))?;
            for doc_id in segment.doc_ids_alive() {
                let doc: TantivyDocument = store.get(doc_id).map_err(|error| self.error(error))?;
                all.extend(self.fields.to_stored(&doc));
            }
        }
        Ok(all)
    }

    /// Plain BM25 relevance of every CV to a free text (the evaluation's baseline: "search the
    /// posting"), as key → score; CVs sharing no word with the text are absent.
    pub fn bm25_scores(&self, text: &str) -> Result<HashMap<String, f32>, FatalError> {
        let mut clauses: Vec<Box<dyn Query>> = Vec::new();
        for language in schema::body_languages() {
            let field = self.fields.body(language);
            let mut analyzer = self.analyzer_for(language);
            let words: std::collections::BTreeSet<String> =
                analysis::analyse_phrase(&mut analyzer, text)
                    .into_iter()
                    .collect();
            for word in words {
                let term = Term::from_field_text(field, &word);
                clauses.push(Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)));
            }
        }
        let query = BooleanQuery::union(clauses);
        let searcher = self.reader.searcher();
        let limit = (searcher.num_docs() as usize).max(1);
        let top = searcher
            .search(&query, &TopDocs::with_limit(limit).order_by_score())
            .map_err(|error| self.error(error))?;
        let mut scores = HashMap::new();
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address).map_err(|error| self.error(error))?;
            scores.insert(text_of(&doc, self.fields.key), score);
        }
        Ok(scores)
    }

    /// The tokenizer manager, to analyse query terms exactly like the indexed text.
    pub fn analyzer_for(&self, language: Option<EuLanguage>) -> tantivy::tokenizer::TextAnalyzer {
        self.index
            .tokenizers()
            .get(&analysis::tokenizer_name(language))
            .unwrap_or_else(|| analysis::analyzer(language))
    }
}

/// Adds, replaces and removes CVs (from several threads at once); nothing is visible until
/// [`CvWriter::commit`].
pub struct CvWriter<'a> {
    index: &'a CvIndex,
    writer: IndexWriter,
    threads: usize,
    /// Segments that held a forgotten CV: rewritten by [`CvWriter::finish`].
    to_rewrite: HashSet<SegmentId>,
}

impl CvWriter<'_> {
    /// Replaces the CV with the same key (or adds it).
    pub fn upsert(&self, cv: &StoredCv) -> Result<(), FatalError> {
        self.remove(&cv.key);
        self.add(cv)
    }

    /// Adds a CV whose key the index does not hold: no delete to queue and apply at commit,
    /// which a first run over tens of thousands of CVs would pay for every one of them.
    pub fn add(&self, cv: &StoredCv) -> Result<(), FatalError> {
        let doc = self.index.fields.to_document(cv);
        self.writer
            .add_document(doc)
            .map_err(|error| self.index.error(error))?;
        Ok(())
    }

    /// Removes the CV with this key, if any.
    pub fn remove(&self, key: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.index.fields.key, key));
    }

    /// Removes the CV with this key for good: a delete only marks a document, whose text stays
    /// in its segment's files until the segment is merged, so [`CvWriter::finish`] also
    /// rewrites the segments that held it. For a candidate whose file is gone from the input.
    pub fn forget(&mut self, key: &str) -> Result<(), FatalError> {
        self.to_rewrite.extend(self.index.segments_holding(key)?);
        self.remove(key);
        Ok(())
    }

    /// tantivy's indexing threads: each commit leaves one segment per thread.
    pub fn indexing_threads(&self) -> usize {
        self.threads
    }

    /// Makes every change since the last commit durable, atomically.
    pub fn commit(&mut self) -> Result<(), FatalError> {
        self.writer
            .commit()
            .map(|_| ())
            .map_err(|error| self.index.error(error))
    }

    /// Commits, then merges small segments in bounded groups (`merge::BoundedMergePolicy`)
    /// and waits for the merges: a run's frequent commits leave many segments, and every search
    /// visits each one. Merging after the CVs are in keeps a merge's memory off the peak.
    pub fn finish(mut self) -> Result<(), FatalError> {
        if !self.to_rewrite.is_empty() {
            // Committed first, with no merge policy yet: no merge runs behind these rewrites.
            self.commit()?;
            self.rewrite_forgotten()?;
        }
        self.writer
            .set_merge_policy(Box::new(merge::BoundedMergePolicy));
        self.commit()?;
        self.writer
            .wait_merging_threads()
            .map_err(|error| self.index.error(error))
    }

    /// Rewrites each segment that held a forgotten CV on its own (a merge copies only the
    /// documents that are not deleted), and lets tantivy remove the old files.
    fn rewrite_forgotten(&mut self) -> Result<(), FatalError> {
        let fail = |error| self.index.error(error);
        let live = self.index.index.searchable_segment_ids().map_err(fail)?;
        for segment in live.iter().filter(|id| self.to_rewrite.contains(id)) {
            self.writer.merge(&[*segment]).wait().map_err(fail)?;
        }
        self.writer.garbage_collect_files().wait().map_err(fail)?;
        Ok(())
    }
}

fn text_of(doc: &TantivyDocument, field: Field) -> String {
    doc.get_first(field)
        .and_then(|value| value.as_str())
        .unwrap_or_default()
        .to_string()
}

/// The index holds personal data: only its owner may read it.
fn restrict_to_owner(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forgotten_cv_leaves_the_index_files() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut index = CvIndex::open(dir.path(), false, false).expect("an index");
        let mut writer = index.writer(1).expect("a writer");
        // Few enough deleted for the merge policy to leave the segment alone (1 in 8).
        let kept = ["a", "c", "e", "f", "g", "h", "i"].map(|name| format!("{name}.pdf"));
        for key in kept.iter().map(String::as_str).chain(["b.pdf"]) {
            writer
                .add(&StoredCv::with_text(key, "Security audits"))
                .expect("add");
        }
        writer.commit().expect("commit");
        writer
            .add(&StoredCv::with_text("d.pdf", "Azure"))
            .expect("add");
        writer.finish().expect("finish");
        index.reload().expect("reload");
        let segment_of_b = index.segments_holding("b.pdf").expect("segments");
        assert_eq!(segment_of_b.len(), 1);

        let mut writer = index.writer(1).expect("a writer");
        writer.forget("b.pdf").expect("forget");
        writer.finish().expect("finish");
        index.reload().expect("reload");
        let keys: HashSet<String> = index
            .all()
            .expect("all")
            .into_iter()
            .map(|cv| cv.key)
            .collect();
        let mut expected: HashSet<String> = kept.into_iter().collect();
        expected.insert("d.pdf".into());
        assert_eq!(keys, expected);
        let searcher = index.reader.searcher();
        assert!(
            searcher
                .segment_readers()
                .iter()
                .all(|segment| segment.num_deleted_docs() == 0),
            "no segment keeps the forgotten document"
        );
        let old_files = std::fs::read_dir(dir.path())
            .expect("the index folder")
            .filter_map(Result::ok)
            .filter(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                name.starts_with(&segment_of_b[0].uuid_string())
            })
            .count();
        assert_eq!(old_files, 0, "the old segment's files are gone");
    }

    /// This version's schema with positions in the body fields, as cvmatch wrote it before.
    fn schema_with_positions() -> tantivy::schema::Schema {
        use tantivy::schema::{FieldEntry, FieldType};
        let mut builder = tantivy::schema::Schema::builder();
        for (_, entry) in schema::build().fields() {
            match (entry.field_type(), entry.name().starts_with("body_")) {
                (FieldType::Str(options), true) => {
                    let indexing = options
                        .get_indexing_options()
                        .expect("an indexed body")
                        .clone()
                        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
                    let options = options.clone().set_indexing_options(indexing);
                    builder.add_field(FieldEntry::new_text(entry.name().to_string(), options));
                }
                _ => {
                    builder.add_field(entry.clone());
                }
            }
        }
        builder.build()
    }

    #[test]
    fn an_index_of_an_older_schema_is_rebuilt_without_being_asked() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let older = schema_with_positions();
        let key = older.get_field("key").expect("a key field");
        let index = Index::create_in_dir(dir.path(), older).expect("an older index");
        analysis::register_analyzers(index.tokenizers());
        let mut writer: IndexWriter = index.writer(15_000_000).expect("a writer");
        writer
            .add_document(tantivy::doc!(key => "old.pdf"))
            .expect("add");
        writer.commit().expect("commit");
        drop((writer, index));

        let mut reopened = CvIndex::open(dir.path(), false, false).expect("a fresh index");
        assert!(
            reopened.all().expect("every CV").is_empty(),
            "nothing old kept"
        );
        assert_works_from_empty(&mut reopened);
    }

    /// Adds a CV to an empty index and checks it is all the index holds.
    fn assert_works_from_empty(index: &mut CvIndex) {
        let cv = StoredCv::with_text("a.pdf", "text");
        let writer = index.writer(1).expect("a writer");
        writer.add(&cv).expect("add");
        writer.finish().expect("finish");
        index.reload().expect("reload");
        assert_eq!(index.all().expect("every CV"), vec![cv]);
    }

    #[test]
    fn rebuild_replaces_an_index_with_another_schema() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut other = tantivy::schema::Schema::builder();
        other.add_text_field("something_else", tantivy::schema::STRING);
        drop(Index::create_in_dir(dir.path(), other.build()).expect("an older index"));

        let refused = CvIndex::open(dir.path(), false, false)
            .err()
            .expect("a schema mismatch");
        assert!(refused.to_string().contains("--rebuild"), "{refused}");

        let mut rebuilt = CvIndex::open(dir.path(), true, false).expect("a fresh index");
        assert_works_from_empty(&mut rebuilt);
        drop(rebuilt);
        assert!(
            CvIndex::open(dir.path(), false, false).is_ok(),
            "reopens as it is"
        );
    }
}
