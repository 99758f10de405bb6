//! Any bytes as a settings file.
#![no_main]

#[path = "../../tests/fuzz/checks.rs"]
#[allow(dead_code)]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // Stepwise reads files as UTF-8 and refuses anything else before parsing.
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = checks::check_settings(text, &mut checks::Stats::default());
    }
});
