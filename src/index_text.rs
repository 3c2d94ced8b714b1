//! Long text fields for serde (a task's content): plain text where people read the output
//! (JSON), UTF-8 bytes in the binary index, checked with simdutf8 when read back. A warm
//! query reads the content of tens of thousands of tasks, and the standard library's check
//! of Vietnamese text was a tenth of its time. Used as `#[serde(with = "crate::index_text")]`.

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
        match simdutf8::basic::from_utf8(bytes) {
            Ok(text) => Ok(text.to_owned()),
            Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(bytes), &self)),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

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

    #[test]
    fn bytes_that_are_not_utf8_are_an_error_not_text() {
        let binary = postcard::to_allocvec(&(b"\xff\xfe".as_slice(),)).unwrap();
        assert!(postcard::from_bytes::<Row>(&binary).is_err());
    }
}
