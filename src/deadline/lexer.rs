//! Deadline text → tokens that keep their byte span in the original text.
//!
//! Words are folded (lowercase, no diacritics, `đ` → `d`) so that "Quý", "quy" and "QUÝ"
//! read the same, while spans still point into what the user wrote.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use crate::units::unaccented;

mod mend;
mod typos;

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
        if c.is_whitespace() || invisible(c) || is_quote(c) {
            continue;
        }
        let kind = kind_of(c);
        let mut end = start + c.len_utf8();
        // A word or a number runs on, across a soft hyphen or a joiner inside it;
        // punctuation is a character a token.
        while !matches!(kind, Kind::Punct(_))
            && let Some(&(i, next)) = chars.peek()
        {
            let joined = invisible(next)
                && text[i + next.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|after| kind_of(after) == kind);
            if kind_of(next) != kind && !joined {
                break;
            }
            end = i + next.len_utf8();
            chars.next();
        }
        let raw = &text[start..end];
        let visible: String = raw.chars().filter(|&c| !invisible(c)).collect();
        let (kind, folded) = match kind {
            Kind::Number => (kind, visible),
            Kind::Word => (kind, older_spelling(unaccented(&visible).collect())),
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
    mend::all(&mut tokens, text);
    tokens
}

/// Characters a copy out of Word, Excel or a PDF leaves in a cell that a reader does not
/// see: zero-width spaces and joiners, the byte-order mark, the soft hyphen and the word
/// joiner. Between words they separate as a space does; inside a word they are dropped.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// Quotation marks, straight or curly (Word's autoformat curls them), around a cell or a
/// word: they carry no time, and read as a space.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '‚' | '‛' | '\''
    )
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
    } else if matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '−' | '÷' | '~') {
        // "3÷6/2025", "2025 ~ 2030": the division sign and the tilde mark a range, as a dash
        // does, in Vietnamese technical writing and in notes.
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
    fn th_n_dotted_letters_and_a_glued_numeral_read_as_their_words() {
        let texts = |text| -> Vec<String> { tokenize(text).into_iter().map(|t| t.text).collect() };
        assert_eq!(texts("Th6/2025"), ["thang", "6", "/", "2025"]);
        assert_eq!(texts("Q.II/2025"), ["quy", "ii", "/", "2025"]);
        assert_eq!(texts("T.6/2025"), ["thang", "6", "/", "2025"]);
        assert_eq!(texts("QIII/2026"), ["quy", "iii", "/", "2026"]);
        assert_eq!(texts("N2025"), ["nam", "2025"]);
        // The dot and the numeral keep their place in the original.
        let tokens = tokenize("QIII");
        assert_eq!(&"QIII"[tokens[1].span.clone()], "III");
        // A year is four digits; a word ending in a full stop keeps it.
        assert_eq!(texts("N25")[0], "n");
        assert_eq!(texts("Q. Ba")[..2], ["q", "."]);
        assert_eq!(texts("Quan")[0], "quan");
    }

    #[test]
    fn what_a_copy_leaves_reads_as_it_was_written() {
        let texts = |text| -> Vec<String> { tokenize(text).into_iter().map(|t| t.text).collect() };
        // Non-breaking, zero-width spaces and quotes separate; a soft hyphen joins.
        assert_eq!(texts("Quý\u{a0}IV\u{200b}"), ["quy", "iv"]);
        assert_eq!(texts("“Quý IV”"), ["quy", "iv"]);
        assert_eq!(texts("Thá\u{ad}ng"), ["thang"]);
        // Decomposed diacritics fold as composed ones do.
        assert_eq!(texts("Tru\u{31b}o\u{31b}\u{301}c"), ["truoc"]);
        // Excel's time of day after a whole date is dropped, elsewhere kept.
        assert_eq!(texts("30/06/2025 00:00:00"), ["30", "/", "06", "/", "2025"]);
        assert_eq!(texts("2025-12-31 0:00"), ["2025", "-", "12", "-", "31"]);
        assert_eq!(texts("6/2025 0:00").len(), 6);
        // The span of a word with a soft hyphen is the word as written.
        let tokens = tokenize("Thá\u{ad}ng 9");
        assert_eq!(&"Thá\u{ad}ng 9"[tokens[0].span.clone()], "Thá\u{ad}ng");
    }

    #[test]
    fn what_a_typist_or_a_scan_garbles_reads_as_meant() {
        let texts = |text| -> Vec<String> { tokenize(text).into_iter().map(|t| t.text).collect() };
        assert_eq!(texts("Năm 2O25"), ["nam", "2025"]);
        assert_eq!(texts("15/l0/2025"), ["15", "/", "10", "/", "2025"]);
        assert_eq!(
            texts("Quý lll, lV/2025"),
            ["quy", "iii", ",", "iv", "/", "2025"]
        );
        assert_eq!(texts("Quý 1V/2025")[..2], ["quy", "iv"]);
        assert_eq!(texts("Hằngquý"), ["hang", "quy"]);
        assert_eq!(texts("QuýIII/2025")[..2], ["quy", "iii"]);
        assert_eq!(texts("6T đầu năm")[..2], ["6", "thang"]);
        assert_eq!(texts("Quý IV của năm 2025"), ["quy", "iv", "nam", "2025"]);
        assert_eq!(
            texts("ngày ba mươi tháng sáu"),
            ["ngay", "30", "thang", "sau"]
        );
        assert_eq!(texts("Liên tục, 24/7"), ["lien", "tuc"]);
        assert_eq!(texts("trước 24/7")[1..], ["24", "/", "7"]);
        assert_eq!(texts("Luật Bảo hiểm xã hội năm 2024").len(), 5);
        assert_eq!(texts("Luật này trong năm 2025").len(), 5);
        // Each part keeps its place in the original.
        let tokens = tokenize("Thườngxuyên");
        assert_eq!(&"Thườngxuyên"[tokens[1].span.clone()], "xuyên");
        // Elsewhere the letters stay letters: "l" not after "quý", "lo" apart from digits.
        assert_eq!(texts("Quý l")[1], "i");
        assert_eq!(texts("tháng l")[1], "l");
        assert_eq!(texts("lo 2025")[0], "lo");
    }

    #[test]
    fn en_dashes_read_as_hyphens() {
        let tokens = tokenize("2017–2018");
        assert!(tokens[1].is_punct('-'));
    }
}
