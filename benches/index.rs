//! Index stage: upsert + commit of N stored CVs into a fresh in-memory tantivy index
//! (the corpus texts, copied under distinct keys to reach N), and reading them back.
//!
//! `cargo bench --bench index`

mod common;

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use cvmatch::index::CvIndex;

fn indexing(c: &mut Criterion) {
    let texts = common::corpus_texts();
    let mut group = c.benchmark_group("index");
    for copies in [1usize, 10] {
        let cvs = common::stored_cvs(&texts, copies);
        group.throughput(Throughput::Elements(cvs.len() as u64));
        // Writer creation (heap, indexing threads) is included: a run opens one per run.
        group.bench_function(format!("upsert-commit/{}", cvs.len()), |b| {
            b.iter_batched(
                || CvIndex::in_memory().expect("in-memory index"),
                |index| {
                    let mut writer = index.writer(2).expect("writer");
                    for cv in &cvs {
                        writer.upsert(black_box(cv)).expect("upsert");
                    }
                    writer.commit().expect("commit");
                    drop(writer);
                    index
                },
                BatchSize::PerIteration,
            )
        });
        // What a run does after indexing: every stored CV back, and the incremental check.
        let index = common::index_with(&cvs);
        group.bench_function(format!("read-all/{}", cvs.len()), |b| {
            b.iter(|| black_box(index.all().expect("all")))
        });
        group.bench_function(format!("known-hashes/{}", cvs.len()), |b| {
            b.iter(|| black_box(index.known_hashes().expect("hashes")))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = indexing
}
criterion_main!(benches);
