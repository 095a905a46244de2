//! In-process extraction with the backends that must never panic or hang (walker, lopdf).
//! pdf-extract panics by design on hostile input; it only ever runs in an isolated worker.
#![no_main]

use cvmatch::extract::backend::{extract_with_fallback, BackendKind};
use cvmatch::extract::ExtractLimits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let backends = [BackendKind::Walker, BackendKind::Lopdf];
    let _ = extract_with_fallback(data, &backends, &ExtractLimits::default(), |_| {});
});
