//! Analyse stage: section split and the per-language token chain (lowercase → stem → fold) over
//! the texts extracted from the corpus, each with the analyser of its detected language.
//!
//! `cargo bench --bench analysis`

mod common;

use std::collections::HashMap;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use cvmatch::analysis::{self, sections};
use cvmatch::lang::EuLanguage;

fn analysis(c: &mut Criterion) {
    let texts = common::corpus_texts();
    let bytes = common::total_bytes(&texts);
    eprintln!("analysis: {} texts, {} KiB", texts.len(), bytes / 1024);
    let mut group = c.benchmark_group("analysis");

    group.throughput(Throughput::Elements(EuLanguage::ALL.len() as u64 + 1));
    group.bench_function("build-analyzers-all-languages", |b| {
        b.iter(|| {
            black_box(analysis::analyzer(None));
            for language in EuLanguage::ALL {
                black_box(analysis::analyzer(Some(language)));
            }
        })
    });

    group.throughput(Throughput::Bytes(bytes));
    // Analysers built once per language, as the index's tokenizer manager holds them.
    let mut analyzers: HashMap<Option<EuLanguage>, _> = texts
        .iter()
        .map(|text| (text.language, analysis::analyzer(text.language)))
        .collect();
    group.bench_function("analyse", |b| {
        b.iter(|| {
            for text in &texts {
                let analyzer = analyzers
                    .get_mut(&text.language)
                    .expect("analyser per language");
                for page in &text.extraction.pages {
                    black_box(analysis::analyse(analyzer, black_box(&page.text)));
                }
            }
        })
    });

    let pages: Vec<Vec<&str>> = texts.iter().map(common::Extracted::pages).collect();
    group.bench_function("sections-split", |b| {
        b.iter(|| {
            for cv in &pages {
                black_box(sections::split(black_box(cv)));
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = analysis
}
criterion_main!(benches);
