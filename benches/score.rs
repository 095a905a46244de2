//! Score stage: `score::IndexScorer` (one tantivy query per criterion, then the evidence pass
//! in parallel) of every criterion of the shipped profile, over an in-memory index holding the
//! corpus. (The corpus ×10 takes ~5 s an iteration on 2 cores: set `SCORE_COPIES=10` for it.)
//!
//! `cargo bench --bench score`

mod common;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use cvmatch::profile::Profile;
use cvmatch::score::{IndexScorer, Scorer};

fn scoring(c: &mut Criterion) {
    let profile = Profile::load_default().expect("default profile");
    let deadline = profile.job.deadline;
    let texts = common::corpus_texts();
    let mut group = c.benchmark_group("score");
    let copies: usize = std::env::var("SCORE_COPIES")
        .ok()
        .and_then(|copies| copies.parse().ok())
        .unwrap_or(1);
    let cvs = common::stored_cvs(&texts, copies);
    let index = common::index_with(&cvs);
    let stored = index.all().expect("stored CVs");
    group.throughput(Throughput::Elements(stored.len() as u64));
    group.bench_function(format!("score-index/{}", stored.len()), |b| {
        b.iter(|| {
            black_box(
                IndexScorer::new(&index, &profile)
                    .expect("queries")
                    .score_all(black_box(&stored), |_| deadline),
            )
        })
    });

    // The evidence pass alone, on one thread, every criterion counted as mentioned.
    let cvs = common::stored_cvs(&texts, 1);
    group.throughput(Throughput::Elements(cvs.len() as u64));
    group.bench_function(format!("scorer-single-thread/{}", cvs.len()), |b| {
        b.iter(|| {
            // A fresh scorer: compiling the profile per CV language is included.
            let scorer = Scorer::new(&profile);
            for cv in &cvs {
                black_box(scorer.score(black_box(cv), deadline, |_| true));
            }
        })
    });
    let warm = Scorer::new(&profile);
    group.bench_function(format!("scorer-single-thread-warm/{}", cvs.len()), |b| {
        b.iter(|| {
            // The profile already compiled for every language: the per-CV cost alone.
            for cv in &cvs {
                black_box(warm.score(black_box(cv), deadline, |_| true));
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = common::criterion();
    targets = scoring
}
criterion_main!(benches);
