//! The deadline language on arbitrary text: never panics, and a resolution is coherent.
//!
//! Input: two bytes choosing the context year (little-endian u16, mapped onto
//! 1900..=2199), then the phrase as UTF-8. Inputs that are not UTF-8 are skipped.
#![no_main]

use bhxh_plan::deadline::{Context, resolve};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (year, text) = match data {
        [a, b, rest @ ..] => (1900 + i32::from(u16::from_le_bytes([*a, *b]) % 300), rest),
        _ => (2024, data),
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    match resolve(text, Context { year }) {
        Ok(r) => {
            if let (Some(start), Some(due)) = (r.start, r.due) {
                assert!(start <= due, "{text:?} ({year}): start after due: {r:?}");
            }
            assert!(
                r.dates.windows(2).all(|w| w[0] <= w[1]),
                "{text:?} ({year}): dates out of order: {r:?}"
            );
        }
        Err(e) => {
            // The span must point inside the text, on character boundaries, so a
            // diagnostic can underline it.
            assert!(
                e.span.start <= e.span.end && e.span.end <= text.len(),
                "{text:?} ({year}): span {:?} outside the text",
                e.span
            );
            assert!(
                text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end),
                "{text:?} ({year}): span {:?} splits a character",
                e.span
            );
        }
    }
});
