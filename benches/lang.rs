//! Language stage: `lang::detect` over the texts extracted from the corpus.
//!
//! `cargo bench --bench lang`

mod common;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use cvmatch::lang;

fn detection(c: &mut Criterion) {
    let texts = common::corpus_texts();
    let pages: Vec<Vec<&str>> = texts.iter().map(common::Extracted::pages).collect();
    eprintln!(
        "lang: {} texts, {} KiB",
        texts.len(),
        common::total_bytes(&texts) / 1024
    );
    let mut group = c.benchmark_group("lang");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("detect", |b| {
        b.iter(|| {
            for cv in &pages {
                black_box(lang::detect(black_box(cv)));
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = detection
}
criterion_main!(benches);
