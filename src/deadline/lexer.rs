//! Deadline text → tokens that keep their byte span in the original text.
//!
//! Words are folded (lowercase, no diacritics, `đ` → `d`) so that "Quý", "quy" and "QUÝ"
//! read the same, while spans still point into what the user wrote.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use crate::units::unaccented;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    /// One punctuation character; dashes of every width read as `-`.
    Punct(char),
}

/// A token with its folded text and where it stands in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub text: String,
    pub span: Range<usize>,
}

impl Token {
    /// True for a word token with this folded text.
    pub fn is_word(&self, word: &str) -> bool {
        self.kind == Kind::Word && self.text == word
    }

    /// True for this punctuation character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

/// Splits `text` into tokens; white space separates and is dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = kind_of(c);
        let mut end = start + c.len_utf8();
        // A word or a number runs on; punctuation is a character a token.
        while !matches!(kind, Kind::Punct(_))
            && let Some(&(i, next)) = chars.peek()
            && kind_of(next) == kind
        {
            end = i + next.len_utf8();
            chars.next();
        }
        let raw = &text[start..end];
        let (kind, folded) = match kind {
            Kind::Number => (kind, raw.to_string()),
            Kind::Word => (kind, older_spelling(unaccented(raw).collect())),
            // "tháng 7 & 8.2021": the ampersand is the word "và".
            Kind::Punct('&') => (Kind::Word, "va".to_string()),
            Kind::Punct(c) => (kind, c.to_string()),
        };
        tokens.push(Token {
            kind,
            text: folded,
            span: start..end,
        });
    }
    abbreviations(&mut tokens);
    tokens
}

/// "T12/2025", "Q4/2025": a lone "T" or "Q" written against a number is "tháng" or "quý".
fn abbreviations(tokens: &mut [Token]) {
    for i in 1..tokens.len() {
        let (before, after) = tokens.split_at_mut(i);
        let (letter, number) = (&mut before[i - 1], &after[0]);
        if letter.kind == Kind::Word
            && number.kind == Kind::Number
            && letter.span.end == number.span.start
            && letter.span.len() == 1
        {
            match letter.text.as_str() {
                "t" => letter.text = "thang".into(),
                "q" => letter.text = "quy".into(),
                _ => {}
            }
        }
    }
}

/// A folded word in the spelling the grammar knows: "i" after "qu" and "k", which many
/// writers still use, is "y" ("Quí III", "định kì", "kì họp" read as "Quý III", "định kỳ",
/// "kỳ họp").
fn older_spelling(word: String) -> String {
    match word.as_str() {
        "qui" => "quy".to_string(),
        "ki" => "ky".to_string(),
        _ => word,
    }
}

fn kind_of(c: char) -> Kind {
    if c.is_ascii_digit() {
        Kind::Number
    } else if c.is_alphabetic() || is_combining_mark(c) {
        Kind::Word
    } else if matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '−') {
        Kind::Punct('-')
    } else {
        Kind::Punct(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_and_spans_point_into_the_original() {
        let tokens = tokenize("Quý II, III/2024");
        let texts: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["quy", "ii", ",", "iii", "/", "2024"]);
        assert_eq!(&"Quý II, III/2024"[tokens[0].span.clone()], "Quý");
    }

    #[test]
    fn an_ampersand_reads_as_va() {
        let tokens = tokenize("Quý I & II");
        assert!(tokens[2].is_word("va"));
        assert_eq!(&"Quý I & II"[tokens[2].span.clone()], "&");
    }

    #[test]
    fn the_older_i_after_qu_and_k_reads_as_y() {
        let tokens = tokenize("Quí III, định kì, Kì họp, quy");
        let texts: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "quy", "iii", ",", "dinh", "ky", ",", "ky", "hop", ",", "quy"
            ]
        );
    }

    #[test]
    fn t_and_q_against_a_number_read_as_thang_and_quy() {
        let texts = |text| -> Vec<String> { tokenize(text).into_iter().map(|t| t.text).collect() };
        assert_eq!(texts("T12/2025")[0], "thang");
        assert_eq!(texts("Q4/2025")[0], "quy");
        // Apart from the number, or in a longer word, the letter stays itself.
        assert_eq!(texts("T 12")[0], "t");
        assert_eq!(texts("ST12")[0], "st");
    }

    #[test]
    fn en_dashes_read_as_hyphens() {
        let tokens = tokenize("2017–2018");
        assert!(tokens[1].is_punct('-'));
    }
}
