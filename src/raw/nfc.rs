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
/// E2 80 90 to E2 80 A7). Read on bytes: it runs over every string of every file.
fn plainly_nfc(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += match b {
            0x00..=0x7F => 1,
            0xC2..=0xCB => 2,
            0xE1 if matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) => 3,
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0x90..=0xA7)) =>
            {
                3
            }
            _ => return false,
        };
    }
    true
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
            // A combining mark after any character sends the text the slow way.
            assert!(!plainly_nfc(format!("{one}\u{0301}").as_bytes()));
        }
        assert!(plainly_nfc("Quý IV/2017 – Thường xuyên".as_bytes()));
    }
}
