//! Profile parsing and validation: any text gives a profile or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Err(error) = cvmatch::profile::Profile::parse(text, "fuzz") {
            // Formatting the error must not panic either (it slices the text by line).
            let _ = error.to_string();
        }
    }
});
