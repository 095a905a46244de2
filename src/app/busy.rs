//! Where the machine's time goes when stages overlap.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Time spent in each stage, summed over the threads that ran it. Stages overlap (a CV is
/// scored while the next one is extracted), so they have no wall time of their own: these
/// sums say where the machine's time goes. `extract` is the time a job held its worker process.
#[derive(Default)]
pub struct BusyTime(Mutex<BTreeMap<&'static str, Duration>>);

impl BusyTime {
    pub(super) fn add(&self, stage: &'static str, time: Duration) {
        *self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .entry(stage)
            .or_default() += time;
    }

    pub(super) fn time<T>(&self, stage: &'static str, work: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let outcome = work();
        self.add(stage, started.elapsed());
        outcome
    }

    pub(super) fn seconds(self) -> BTreeMap<String, f64> {
        self.0
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .into_iter()
            .map(|(stage, time)| (stage.to_string(), seconds(time)))
            .collect()
    }
}

/// Seconds, rounded to the millisecond.
pub(super) fn seconds(time: Duration) -> f64 {
    (time.as_secs_f64() * 1000.0).round() / 1000.0
}
