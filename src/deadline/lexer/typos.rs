//! What typists and scans leave in a cell, mended: letters for digits ("2O25", "l2/2025"),
//! for a quarter's numeral ("Quý lll", "Quý 1V"), and words run together ("Hằngquý",
//! "QuýIII"). Called from [`super::mend::all`].

use unicode_normalization::char::is_combining_mark;

use super::{Kind, Token, older_spelling};
use crate::units::unaccented;

/// "2O25", "3O/6", "l2/2025", "15/l0": the letter O typed or scanned for a zero, a lower-case
/// L for a one, inside a number. A word of nothing but those letters written against the
/// digits on either side is those digits, and one number with them.
pub(super) fn lookalike_digits(tokens: &mut Vec<Token>, text: &str) {
    let digits = |t: &Token| -> Option<String> {
        let written = &text[t.span.clone()];
        let digit = |c: char| match c {
            'O' | 'o' => Some('0'),
            'l' => Some('1'),
            _ => None,
        };
        (t.kind == Kind::Word).then(|| written.chars().map(digit).collect())?
    };
    let mut i = 0;
    while i < tokens.len() {
        let glued = |a: &Token, b: &Token| a.span.end == b.span.start;
        let number_before =
            i > 0 && tokens[i - 1].kind == Kind::Number && glued(&tokens[i - 1], &tokens[i]);
        let number_after = tokens
            .get(i + 1)
            .is_some_and(|next| next.kind == Kind::Number && glued(&tokens[i], next));
        match digits(&tokens[i]) {
            Some(digits) if number_before || number_after => {
                tokens[i].kind = Kind::Number;
                tokens[i].text = digits;
                // Join the runs of digits around it into one number.
                if number_after {
                    let next = tokens.remove(i + 1);
                    tokens[i].text.push_str(&next.text);
                    tokens[i].span.end = next.span.end;
                }
                if number_before {
                    let this = tokens.remove(i);
                    tokens[i - 1].text.push_str(&this.text);
                    tokens[i - 1].span.end = this.span.end;
                    i -= 1;
                }
            }
            _ => i += 1,
        }
    }
}

/// Words a typist ran together, folded, with where the second starts in the folded text:
/// "Hằngquý", "Thườngxuyên", "Địnhkỳ", "QuýIII" (a quarter's word and its numeral).
const GLUED: &[(&str, usize)] = &[
    ("hangquy", 4),
    ("hangthang", 4),
    ("hangnam", 4),
    ("hangtuan", 4),
    ("hangngay", 4),
    ("thuongxuyen", 6),
    ("lientuc", 4),
    ("dinhky", 4),
    ("quyi", 3),
    ("quyii", 3),
    ("quyiii", 3),
    ("quyiv", 3),
];

/// Splits the words of [`GLUED`] in two, each with its part of the span.
pub(super) fn glued_words(tokens: &mut Vec<Token>, text: &str) {
    let mut i = 0;
    while i < tokens.len() {
        let found = GLUED
            .iter()
            .find(|(word, _)| tokens[i].kind == Kind::Word && tokens[i].text == *word);
        let Some(&(word, at)) = found else {
            i += 1;
            continue;
        };
        // The byte in the original where the folded text reaches `at` characters.
        let span = tokens[i].span.clone();
        let mut folded = 0;
        let split = text[span.clone()]
            .char_indices()
            .find(|&(_, c)| {
                let reached = folded >= at && !is_combining_mark(c);
                folded += unaccented(c.encode_utf8(&mut [0; 4])).count();
                reached
            })
            .map_or(span.end, |(offset, _)| span.start + offset);
        tokens[i].text = word[..at].to_string();
        tokens[i].span.end = split;
        let second = Token {
            kind: Kind::Word,
            text: older_spelling(word[at..].to_string()),
            span: split..span.end,
        };
        tokens.insert(i + 1, second);
        i += 2;
    }
}

/// "Quý lll/2025", "Quý ll, lll": a lower-case L typed or scanned for a capital I in the
/// numeral of a quarter. Read so only right after "quý", or after a numeral and a comma, a
/// dash or "và" that follow one.
pub(super) fn lookalike_numerals(tokens: &mut Vec<Token>) {
    // "Quý 1V": a digit one for the I, against the rest of the numeral.
    for i in 1..tokens.len().saturating_sub(1) {
        let (one, rest) = (&tokens[i], &tokens[i + 1]);
        let merged = format!(
            "{}{}",
            "i".repeat(one.text.len()),
            rest.text.replace('l', "i")
        );
        if tokens[i - 1].is_word("quy")
            && one.kind == Kind::Number
            && one.text.bytes().all(|b| b == b'1')
            && rest.kind == Kind::Word
            && one.span.end == rest.span.start
            && is_roman(&merged)
        {
            let rest = tokens.remove(i + 1);
            tokens[i] = Token {
                kind: Kind::Word,
                text: merged,
                span: tokens[i].span.start..rest.span.end,
            };
            break;
        }
    }
    for i in 1..tokens.len() {
        let word = &tokens[i].text;
        let lookalike = tokens[i].kind == Kind::Word
            && word.contains('l')
            && word.bytes().all(|b| matches!(b, b'i' | b'l' | b'v'));
        if !lookalike {
            continue;
        }
        let after_quy = tokens[i - 1].is_word("quy");
        let in_list = i >= 3
            && (tokens[i - 1].is_punct(',')
                || tokens[i - 1].is_punct('-')
                || tokens[i - 1].is_word("va"))
            && tokens[i - 2].kind == Kind::Word
            && is_roman(&tokens[i - 2].text)
            && tokens[..i - 2]
                .iter()
                .rev()
                .take(8)
                .any(|t| t.is_word("quy"));
        let numeral = word.replace('l', "i");
        if (after_quy || in_list) && is_roman(&numeral) {
            tokens[i].text = numeral;
        }
    }
}

/// A Roman numeral a quarter may be written with, or one past them ("V", read to say it
/// does not exist).
pub(super) fn is_roman(word: &str) -> bool {
    matches!(word, "i" | "ii" | "iii" | "iv" | "v")
}
