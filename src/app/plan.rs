//! What a run must do with each input: reuse its stored result, rescore it from the index, or
//! extract it; and which keys vanished.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::content_hash::ContentHash;
use crate::ingest::{Inputs, Prepared};
use crate::store::ResultStore;

/// What a run must do with each input it can read, and with the index.
pub(super) struct RunPlan<'k> {
    /// Same bytes, date and profile as a stored result: carry it over.
    pub(super) reuse: Vec<usize>,
    /// Text in the index, result stale (profile or reference date changed): score it again.
    pub(super) rescore: Vec<usize>,
    /// New or changed bytes: extract, index and score.
    pub(super) extract: Vec<usize>,
    /// Keys the index holds whose files are gone.
    pub(super) vanished: Vec<&'k String>,
}

impl<'k> RunPlan<'k> {
    /// Sorts the inputs (by position) against what the index and the old store hold.
    pub(super) fn new(
        inputs: &Inputs,
        prepared: &[Prepared],
        known: &'k HashMap<String, ContentHash>,
        old: &ResultStore,
        present_for: impl Fn(&str) -> NaiveDate,
    ) -> RunPlan<'k> {
        let mut plan = RunPlan {
            reuse: Vec::new(),
            rescore: Vec::new(),
            extract: Vec::new(),
            vanished: Vec::new(),
        };
        let mut wanted = HashSet::new();
        for (id, (input, prepared)) in inputs.iter().zip(prepared).enumerate() {
            let &Prepared::Ready { sha256 } = prepared else {
                continue;
            };
            let key = input.key();
            wanted.insert(key);
            if known.get(key) != Some(&sha256) {
                plan.extract.push(id);
            } else if old.lookup(key, sha256, present_for(key)).is_some() {
                plan.reuse.push(id);
            } else {
                plan.rescore.push(id);
            }
        }
        plan.vanished = known
            .keys()
            .filter(|key| !wanted.contains(key.as_str()))
            .collect();
        plan
    }

    /// Positions of the inputs the new store will hold a result for: carried over, scored
    /// again or extracted.
    pub(super) fn with_results(&self) -> impl Iterator<Item = usize> + '_ {
        (self.reuse.iter())
            .chain(&self.rescore)
            .chain(&self.extract)
            .copied()
    }

    /// True when the old store already holds every result this run needs (the store may hold
    /// more: results of earlier versions or vanished files, until it is next rewritten).
    pub(super) fn changes_nothing(&self) -> bool {
        self.rescore.is_empty() && self.extract.is_empty() && self.vanished.is_empty()
    }
}
