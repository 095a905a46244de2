//! Extraction stage, per backend, in-process (no worker pool): every corpus PDF that all three
//! backends read without an error, so the backends are compared on the same files.
//!
//! `cargo bench --bench extract`

mod common;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use cvmatch::extract::backend::{
    self, Backend, BackendKind, LopdfBackend, PdfExtractBackend, WalkerBackend,
};
use cvmatch::extract::ExtractLimits;

fn extraction(c: &mut Criterion) {
    let limits = ExtractLimits::default();
    let backends: [(&str, &dyn Backend); 3] = [
        ("walker", &WalkerBackend),
        ("pdf-extract", &PdfExtractBackend),
        ("lopdf", &LopdfBackend),
    ];
    let all = common::corpus_pdfs();
    let pdfs: Vec<&common::Pdf> = all
        .iter()
        .filter(|pdf| {
            backends
                .iter()
                .all(|(_, backend)| common::backend_reads(*backend, &pdf.bytes, &limits))
        })
        .collect();
    let bytes: u64 = pdfs.iter().map(|pdf| pdf.bytes.len() as u64).sum();
    eprintln!(
        "extract: {} of {} corpus PDFs (not broken-*) read by every backend, {} KiB",
        pdfs.len(),
        all.len(),
        bytes / 1024
    );

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(pdfs.len() as u64));
    for (name, backend) in backends {
        group.bench_function(name, |b| {
            b.iter(|| {
                for pdf in &pdfs {
                    black_box(backend.extract(black_box(&pdf.bytes), &limits).ok());
                }
            })
        });
    }
    // What a worker runs per file: the fallback chain with the quality check.
    let chain = [BackendKind::Walker, BackendKind::PdfExtract];
    group.bench_function("chain-walker,pdf-extract", |b| {
        b.iter(|| {
            for pdf in &pdfs {
                black_box(backend::extract_with_fallback(
                    black_box(&pdf.bytes),
                    &chain,
                    &limits,
                    |_| {},
                ));
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = extraction
}
criterion_main!(benches);
