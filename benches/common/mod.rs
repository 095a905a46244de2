//! Inputs shared by the stage benches: the shipped corpus (`corpus/*.pdf`), read once, and the
//! texts the production backend chain extracts from it.
#![allow(dead_code)]

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::Criterion;
use cvmatch::content_hash::ContentHash;
use cvmatch::extract::backend::{self, Backend, BackendKind};
use cvmatch::extract::{ExtractLimits, Extraction};
use cvmatch::index::{CvIndex, StoredCv};
use cvmatch::lang::{self, EuLanguage};
use cvmatch::status::Status;

/// Short runs: `cargo bench` over every stage finishes in a few minutes.
pub fn criterion() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args()
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One corpus PDF.
pub struct Pdf {
    /// File name, e.g. `fr-weak-000-simple.pdf`.
    pub name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Every `corpus/*.pdf` except the deliberately broken `broken-*` files, sorted by name.
pub fn corpus_pdfs() -> Vec<Pdf> {
    let dir = root().join("corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "pdf"))
        .filter(|path| !file_name(path).starts_with("broken-"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no PDFs in {}", dir.display());
    paths
        .into_iter()
        .map(|path| Pdf {
            name: file_name(&path),
            bytes: std::fs::read(&path)
                .unwrap_or_else(|error| panic!("{}: {error}", path.display())),
        })
        .collect()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// Whether `backend` reads `bytes` without an error or a panic (panic messages silenced).
pub fn backend_reads(backend: &dyn Backend, bytes: &[u8], limits: &ExtractLimits) -> bool {
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| backend.extract(bytes, limits)));
    panic::set_hook(hook);
    matches!(outcome, Ok(Ok(_)))
}

/// An extracted corpus CV: the production chain (walker, then pdf-extract) and its language.
pub struct Extracted {
    /// File name.
    pub name: String,
    /// What the chain extracted (status `ok`).
    pub extraction: Extraction,
    /// Detected language.
    pub language: Option<EuLanguage>,
}

impl Extracted {
    /// Page texts as slices.
    pub fn pages(&self) -> Vec<&str> {
        self.extraction
            .pages
            .iter()
            .map(|page| page.text.as_str())
            .collect()
    }

    /// The stored form, under key `key`.
    pub fn stored(&self, key: String) -> StoredCv {
        StoredCv::new(
            key.clone(),
            key,
            ContentHash::new([self.name.len() as u8; 32]),
            self.extraction.clone(),
            self.language,
        )
    }
}

/// Every corpus CV that the default chain extracts with status `ok`.
pub fn corpus_texts() -> Vec<Extracted> {
    let limits = ExtractLimits::default();
    let chain = [BackendKind::Walker, BackendKind::PdfExtract];
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let texts: Vec<Extracted> = corpus_pdfs()
        .into_iter()
        .filter_map(|pdf| {
            let extraction = backend::extract_with_fallback(&pdf.bytes, &chain, &limits, |_| {});
            (extraction.status == Status::Ok).then(|| {
                let pages: Vec<&str> = extraction.pages.iter().map(|p| p.text.as_str()).collect();
                let language = lang::detect(&pages);
                Extracted {
                    name: pdf.name,
                    extraction,
                    language,
                }
            })
        })
        .collect();
    panic::set_hook(hook);
    assert!(!texts.is_empty(), "no corpus PDF extracted");
    texts
}

/// `copies` stored CVs per corpus text, each under its own key (`<copy>/<name>`).
pub fn stored_cvs(texts: &[Extracted], copies: usize) -> Vec<StoredCv> {
    (0..copies)
        .flat_map(|copy| {
            texts
                .iter()
                .map(move |text| text.stored(format!("{copy:03}/{}", text.name)))
        })
        .collect()
}

/// An in-memory index holding `cvs`, committed and reloaded.
pub fn index_with(cvs: &[StoredCv]) -> CvIndex {
    let mut index = CvIndex::in_memory().expect("in-memory index");
    {
        let mut writer = index.writer(2).expect("writer");
        for cv in cvs {
            writer.upsert(cv).expect("upsert");
        }
        writer.commit().expect("commit");
    }
    index.reload().expect("reload");
    index
}

/// Total characters of the texts (for the throughput line of text-based benches).
pub fn total_bytes(texts: &[Extracted]) -> u64 {
    texts
        .iter()
        .flat_map(|text| text.extraction.pages.iter())
        .map(|page| page.text.len() as u64)
        .sum()
}
