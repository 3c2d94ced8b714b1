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
    abbreviations(&mut tokens);
    clock_times(&mut tokens);
    budget_years(&mut tokens);
    reporting_periods(&mut tokens);
    tokens
}

/// "Năm ngân sách 2025", "năm tài chính 2026": the budget (fiscal) year, which in Vietnam is
/// the calendar year; the words between "năm" and the year are dropped.
fn budget_years(tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i + 3 < tokens.len() {
        let named = [["ngan", "sach"], ["tai", "chinh"]]
            .iter()
            .any(|[a, b]| tokens[i + 1].is_word(a) && tokens[i + 2].is_word(b));
        let year = &tokens[i + 3];
        if tokens[i].is_word("nam") && named && year.kind == Kind::Number && year.text.len() == 4 {
            tokens.drain(i + 1..i + 3);
        }
        i += 1;
    }
}

/// "Kỳ báo cáo quý", "kỳ báo cáo tháng" (the quarterly, the monthly reporting period) with
/// no number after the unit: every such period, as "hằng quý" says. With one ("kỳ báo cáo
/// quý I/2025") the words name that period, and are left to the reader of words before a
/// time.
fn reporting_periods(tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i + 3 < tokens.len() {
        let opens =
            tokens[i].is_word("ky") && tokens[i + 1].is_word("bao") && tokens[i + 2].is_word("cao");
        let unit = ["quy", "thang", "nam"]
            .iter()
            .any(|w| tokens[i + 3].is_word(w));
        let numbered = tokens
            .get(i + 4)
            .is_some_and(|t| t.kind == Kind::Number || (t.kind == Kind::Word && is_roman(&t.text)));
        if opens && unit && !numbered {
            let end = tokens[i + 2].span.end;
            tokens[i].text = "hang".to_string();
            tokens[i].span.end = end;
            tokens.drain(i + 1..i + 3);
        }
        i += 1;
    }
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

/// "30/06/2025 00:00:00", "2025-12-31 0:00": the time of day Excel writes after a date it
/// gives as text. A clock time (hours, ":", minutes, and seconds or not, written together)
/// after a whole date (three numbers and their separators) says when in the day, which a
/// deadline's day does not need: it is dropped.
fn clock_times(tokens: &mut Vec<Token>) {
    let glued = |a: &Token, b: &Token| a.span.end == b.span.start;
    let number = |t: &Token, max: u32| {
        t.kind == Kind::Number && t.text.len() <= 2 && t.text.parse().is_ok_and(|n: u32| n <= max)
    };
    let separator = |t: &Token| matches!(t.kind, Kind::Punct('/' | '-' | '.'));
    let mut i = 5;
    while i + 2 < tokens.len() {
        let clock = |len: usize| {
            let parts = &tokens[i..i + len];
            number(&parts[0], 23)
                && parts[1..].chunks(2).all(|pair| {
                    pair[0].is_punct(':')
                        && pair
                            .get(1)
                            .is_some_and(|t| t.text.len() == 2 && number(t, 59))
                })
                && parts.windows(2).all(|w| glued(&w[0], &w[1]))
                && tokens
                    .get(i + len)
                    .is_none_or(|next| !glued(&parts[len - 1], next))
        };
        let len = [5, 3]
            .into_iter()
            .find(|&len| i + len <= tokens.len() && clock(len));
        let date = &tokens[i - 5..i];
        let after_a_date = date.iter().enumerate().all(|(at, t)| {
            if at % 2 == 0 {
                t.kind == Kind::Number
            } else {
                separator(t)
            }
        }) && date.windows(2).all(|w| glued(&w[0], &w[1]))
            && !glued(&tokens[i - 1], &tokens[i]);
        if let Some(len) = len
            && after_a_date
        {
            tokens.drain(i..i + len);
        } else {
            i += 1;
        }
    }
}

/// "T12/2025", "Q4/2025": a lone "T" or "Q" written against a number is "tháng" or "quý";
/// so are "Th6/2025" and the letter with a dot ("T.6/2025", "Q.II/2025", "Q.4-2025"), a "Q"
/// glued to a Roman numeral ("QIII/2025"), and an "N" against a year ("N2025" is "năm 2025").
fn abbreviations(tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].kind == Kind::Word {
            let glued = |at: usize| {
                tokens
                    .get(at)
                    .filter(|next| next.span.start == tokens[at - 1].span.end)
            };
            // The letter and a dot against it, then the numeral.
            let dotted = glued(i + 1).is_some_and(|t| t.kind == Kind::Punct('.'));
            let after = if dotted { i + 2 } else { i + 1 };
            let next = if dotted {
                tokens.get(after)
            } else {
                glued(after)
            };
            let number = next.filter(|t| t.kind == Kind::Number);
            let numeral = next.filter(|t| t.kind == Kind::Word && is_roman(&t.text));
            let word = match tokens[i].text.as_str() {
                "t" | "th" if number.is_some() => Some("thang"),
                "q" if number.is_some() || (dotted && numeral.is_some()) => Some("quy"),
                "n" if number.is_some_and(|t| t.text.len() == 4) => Some("nam"),
                _ => None,
            };
            if let Some(word) = word {
                tokens[i].text = word.into();
                if dotted {
                    // The dot belongs to the abbreviation.
                    tokens[i].span.end = tokens[i + 1].span.end;
                    tokens.remove(i + 1);
                }
            } else if let Some(numeral) = tokens[i].text.strip_prefix('q')
                && is_roman(numeral)
                && tokens[i].span.len() == tokens[i].text.len()
            {
                // "QIII": "quý" and its numeral, written as one word.
                let numeral = numeral.to_string();
                let span = tokens[i].span.clone();
                tokens[i].text = "quy".into();
                tokens[i].span = span.start..span.start + 1;
                tokens.insert(
                    i + 1,
                    Token {
                        kind: Kind::Word,
                        text: numeral,
                        span: span.start + 1..span.end,
                    },
                );
            }
        }
        i += 1;
    }
}

/// A Roman numeral a quarter may be written with, or one past them ("V", read to say it
/// does not exist).
fn is_roman(word: &str) -> bool {
    matches!(word, "i" | "ii" | "iii" | "iv" | "v")
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
    fn en_dashes_read_as_hyphens() {
        let tokens = tokenize("2017–2018");
        assert!(tokens[1].is_punct('-'));
    }
}
