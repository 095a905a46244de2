//! Score stage: `score::Scorer` on every CV of the corpus against every criterion of the shipped
//! profile, in parallel as a run does it. (`SCORE_COPIES=10` scores the corpus ten times over.)
//!
//! `cargo bench --bench score`

mod common;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use cvmatch::profile::Profile;
use cvmatch::score::Scorer;
use rayon::prelude::*;

fn scoring(c: &mut Criterion) {
    let profile = Profile::load_default().expect("default profile");
    let deadline = profile.job.deadline;
    let texts = common::corpus_texts();
    let mut group = c.benchmark_group("score");
    let copies: usize = std::env::var("SCORE_COPIES")
        .ok()
        .and_then(|copies| copies.parse().ok())
        .unwrap_or(1);
    let all = common::stored_cvs(&texts, copies);
    group.throughput(Throughput::Elements(all.len() as u64));
    group.bench_function(format!("score-parallel/{}", all.len()), |b| {
        b.iter(|| {
            let scorer = Scorer::new(&profile);
            all.par_iter()
                .for_each(|cv| drop(black_box(scorer.score(black_box(cv), deadline))));
        })
    });

    // One thread.
    let cvs = common::stored_cvs(&texts, 1);
    group.throughput(Throughput::Elements(cvs.len() as u64));
    group.bench_function(format!("scorer-single-thread/{}", cvs.len()), |b| {
        b.iter(|| {
            // A fresh scorer: compiling the profile per CV language is included.
            let scorer = Scorer::new(&profile);
            for cv in &cvs {
                black_box(scorer.score(black_box(cv), deadline));
            }
        })
    });
    let warm = Scorer::new(&profile);
    group.bench_function(format!("scorer-single-thread-warm/{}", cvs.len()), |b| {
        b.iter(|| {
            // The profile already compiled for every language: the per-CV cost alone.
            for cv in &cvs {
                black_box(warm.score(black_box(cv), deadline));
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
