//! Strings as NFC, so that Vietnamese typed on different systems reads alike; fast for
//! text that already is, which is nearly all of it.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Text as NFC. Most text already is: precomposed Vietnamese letters and common
/// punctuation can be passed without the Unicode tables, the rest is checked properly.
pub(super) fn nfc(text: &str) -> String {
    if plainly_nfc(text.as_bytes()) || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text.to_string();
    }
    text.nfc().collect()
}

/// True when every character is one NFC cannot change and no combining mark follows:
/// below U+0300 (ASCII, Latin-1, Latin Extended-A and B: lead bytes up to CB), precomposed
/// Vietnamese (U+1E00 to U+1EFF: E1 B8 to E1 BB) or punctuation (U+2010 to U+2027:
/// E2 80 90 to E2 80 A7). It runs over every string of every file, so it judges every byte
/// with the two after it, without branches the processor would mispredict on Vietnamese
/// text: the bytes are UTF-8, where a continuation byte (80 to BF) always passes and the
/// last two bytes cannot start a three-byte character.
fn plainly_nfc(bytes: &[u8]) -> bool {
    let passes = |lead: u8, second: u8, third: u8| {
        let vietnamese = (lead == 0xE1) & (second & 0xFC == 0xB8);
        let punctuation = (lead == 0xE2) & (second == 0x80) & (third.wrapping_sub(0x90) <= 0x17);
        (lead < 0xCC) | vietnamese | punctuation
    };
    let second = bytes.get(1..).unwrap_or_default();
    let third = bytes.get(2..).unwrap_or_default();
    let body = (bytes.iter().zip(second).zip(third))
        .fold(true, |all, ((&lead, &s), &t)| all & passes(lead, s, t));
    let tail = bytes
        .iter()
        .skip(third.len())
        .all(|&lead| passes(lead, 0, 0));
    body & tail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytewise_nfc_shortcut_passes_only_characters_nfc_keeps() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let one = c.to_string();
            if plainly_nfc(one.as_bytes()) {
                assert_eq!(one.nfc().collect::<String>(), one, "U+{:04X}", c as u32);
            }
            // Judged alike wherever it stands in a text.
            let inside = format!("a{one}bc");
            assert_eq!(plainly_nfc(inside.as_bytes()), plainly_nfc(one.as_bytes()));
            // A combining mark after any character sends the text the slow way.
            assert!(!plainly_nfc(format!("{one}\u{0301}").as_bytes()));
        }
        assert!(plainly_nfc("Quý IV/2017 – Thường xuyên".as_bytes()));
    }
}
