//! Text fields for serde: plain text where people read the output (JSON), UTF-8 bytes in
//! the binary index, checked with simdutf8 when read back. A warm query reads the texts of
//! tens of thousands of tasks and diagnostics, and the standard library checks Vietnamese
//! text five to ten times slower (a string of 70 bytes: 150 ns against 27). Used as
//! `#[serde(with = "crate::index_text")]`, or `crate::index_text::option` for optional text.
//! The index encodes bytes as it does text (a length, then the bytes), so a field can
//! change over without a new index format.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

/// Serialises text: a string for human-readable formats, its bytes otherwise.
pub fn serialize<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    if serializer.is_human_readable() {
        serializer.serialize_str(text)
    } else {
        serializer.serialize_bytes(text.as_bytes())
    }
}

/// Reads what [`serialize`] wrote.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    if deserializer.is_human_readable() {
        deserializer.deserialize_string(Text)
    } else {
        deserializer.deserialize_bytes(Text)
    }
}

struct Text;

impl Visitor<'_> for Text {
    type Value = String;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("UTF-8 text")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<String, E> {
        Ok(text.to_owned())
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<String, E> {
        Ok(text)
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<String, E> {
        let mut short = [0; SHORT];
        match as_text(bytes, &mut short) {
            Some(text) => Ok(text.to_owned()),
            None => Err(E::invalid_value(de::Unexpected::Bytes(bytes), &self)),
        }
    }
}

/// simdutf8 hands text shorter than this to the standard library's check.
const SHORT: usize = 64;

/// `bytes` as text if they are UTF-8. simdutf8 checks long text; text of a few characters
/// the standard library checks as fast; text in between is checked by simdutf8 padded
/// with zeros in `room` (an incomplete last character is still incomplete before a zero):
/// a diagnostic's message of 43 bytes in 20 ns rather than 78.
pub fn as_text<'a>(bytes: &'a [u8], room: &'a mut [u8; SHORT]) -> Option<&'a str> {
    match bytes.len() {
        0..FEW => std::str::from_utf8(bytes).ok(),
        FEW..SHORT => {
            room[..bytes.len()].copy_from_slice(bytes);
            simdutf8::basic::from_utf8(room).ok()?.get(..bytes.len())
        }
        _ => simdutf8::basic::from_utf8(bytes).ok(),
    }
}

/// Below this many bytes the standard library's check is as fast as any.
const FEW: usize = 16;

/// The same for `Option<String>`.
pub mod option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Deserialize)]
    #[serde(transparent)]
    struct Text(#[serde(deserialize_with = "super::deserialize")] String);

    pub fn serialize<S: Serializer>(
        text: &Option<String>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match text {
            Some(text) => serializer.serialize_some(&TextRef(text)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        Ok(Option::<Text>::deserialize(deserializer)?.map(|Text(text)| text))
    }

    #[derive(Serialize)]
    #[serde(transparent)]
    struct TextRef<'a>(#[serde(serialize_with = "super::serialize")] &'a str);
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::SHORT;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Row {
        #[serde(with = "super")]
        content: String,
    }

    #[test]
    fn text_comes_back_from_the_index_and_from_json() {
        let row = Row {
            content: "Nâng cấp hệ thống mạng máy tính, máy chủ".to_string(),
        };
        let binary = postcard::to_allocvec(&row).unwrap();
        assert_eq!(postcard::from_bytes::<Row>(&binary).unwrap(), row);
        let json = serde_json::to_string(&row).unwrap();
        assert!(json.contains("\"Nâng cấp"));
        assert_eq!(serde_json::from_str::<Row>(&json).unwrap(), row);
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Stage {
        #[serde(with = "super")]
        what: String,
        #[serde(with = "super::option")]
        deadline: Option<String>,
    }

    #[test]
    fn optional_text_comes_back_from_the_index_and_from_json() {
        for deadline in [Some("Quý II, III/2024".to_string()), None] {
            let stage = Stage {
                what: "Giai đoạn 1".to_string(),
                deadline,
            };
            let binary = postcard::to_allocvec(&stage).unwrap();
            assert_eq!(postcard::from_bytes::<Stage>(&binary).unwrap(), stage);
            let json = serde_json::to_string(&stage).unwrap();
            assert_eq!(serde_json::from_str::<Stage>(&json).unwrap(), stage);
        }
    }

    #[test]
    fn the_index_encodes_text_as_bytes_exactly_as_it_did_strings() {
        // An index written before a field changed over still reads, and the other way.
        let plain =
            |deadline: Option<&str>| postcard::to_allocvec(&("Giai đoạn 1", deadline)).unwrap();
        for deadline in [Some("Tháng 5/2024"), None] {
            let stage = Stage {
                what: "Giai đoạn 1".to_string(),
                deadline: deadline.map(str::to_string),
            };
            assert_eq!(postcard::to_allocvec(&stage).unwrap(), plain(deadline));
        }
        let json = serde_json::to_string(&Stage {
            what: "Giai đoạn 1".to_string(),
            deadline: Some("Tháng 5/2024".to_string()),
        })
        .unwrap();
        assert_eq!(json, r#"{"what":"Giai đoạn 1","deadline":"Tháng 5/2024"}"#);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_an_error_not_text() {
        let binary = postcard::to_allocvec(&(b"\xff\xfe".as_slice(),)).unwrap();
        assert!(postcard::from_bytes::<Row>(&binary).is_err());
        let binary = postcard::to_allocvec(&("a", Some(b"\xff".as_slice()))).unwrap();
        assert!(postcard::from_bytes::<Stage>(&binary).is_err());
    }

    #[test]
    fn short_and_long_bytes_are_text_exactly_when_the_standard_library_says_so() {
        let mut cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"CNTT".to_vec(),
            "Quý I/2024".into(),
            "ệ".repeat(21).into(),
            "ệ".repeat(22).into(),
        ];
        // Every cut of a Vietnamese phrase (cuts inside a character are not text), either
        // side of the 64-byte line, and bytes that are never UTF-8.
        let phrase = "Thường xuyên; Sau khi Quyết định công bố TTHC được ký, ban hành";
        cases.extend((0..=phrase.len()).map(|cut| phrase.as_bytes()[..cut].to_vec()));
        cases.extend([b"\xff".to_vec(), b"ab\xc3".to_vec(), [b'a'; 70].to_vec()]);
        let mut bad = phrase.as_bytes().to_vec();
        bad[5] = 0xC0;
        cases.push(bad);
        for bytes in &cases {
            let mut room = [0; SHORT];
            assert_eq!(
                super::as_text(bytes, &mut room),
                std::str::from_utf8(bytes).ok(),
                "{bytes:?}"
            );
        }
    }
}
