//! Numbers and months written in words: counts ("hai tuần tới", "ba tháng cuối năm") and
//! the names of the months ("tháng Hai", "tháng Mười một", "tháng Chạp").
//!
//! Tokens are folded, so that "tháng tư" reads as "tháng Tư"; where folding makes two words
//! one ("sáu" six, "sau" after: "tháng sau" is next month), the word as written decides.

use unicode_normalization::UnicodeNormalization;

use super::super::lexer::Kind as Tok;
use super::*;

/// Counts up to ten, folded: "một" … "mười".
const NUMERALS: &[(&str, u32)] = &[
    ("mot", 1),
    ("hai", 2),
    ("ba", 3),
    ("bon", 4),
    ("nam", 5),
    ("sau", 6),
    ("bay", 7),
    ("tam", 8),
    ("chin", 9),
    ("muoi", 10),
];

/// Folded words that name a month after "tháng", each with the spellings it may be written
/// in when the folded form is also another word; `None`: any spelling.
const MONTH_WORDS: &[(&str, u32, Option<&[&str]>)] = &[
    ("gieng", 1, None),
    ("hai", 2, None),
    ("ba", 3, None),
    // Not "từ" (from).
    ("tu", 4, Some(&["tư", "tu"])),
    ("nam", 5, None),
    // "sau" is "after": "tháng sau" is next month, so only "sáu" reads as June.
    ("sau", 6, Some(&["sáu"])),
    ("bay", 7, None),
    // Not "tạm" (temporary).
    ("tam", 8, Some(&["tám", "tam"])),
    ("chin", 9, None),
    ("muoi", 10, None),
    ("chap", 12, None),
];

impl Parser<'_> {
    /// The word as written, lower case and composed, for the words folding confuses.
    pub(super) fn written(&self, ahead: usize) -> String {
        self.peek_at(ahead).map_or_else(String::new, |t| {
            self.text[t.span.clone()]
                .nfc()
                .flat_map(char::to_lowercase)
                .collect()
        })
    }

    /// A count here, a number or words ("02", "hai", "mười hai", "hai mươi"), and how many
    /// tokens it takes. Past ten a count is two or three words: "mười" and a unit (11 to
    /// 19), a unit and "mươi" (tens), and a unit after that.
    pub(super) fn count_at(&self, ahead: usize) -> Option<(u32, usize)> {
        let token = self.peek_at(ahead)?;
        if token.kind == Tok::Number {
            return (token.text.len() <= 3)
                .then(|| token.text.parse().ok().map(|n| (n, 1)))
                .flatten();
        }
        let first = self.numeral_at(ahead)?;
        match (first, self.unit_at(ahead + 1)) {
            // "mười hai" (12); "mười năm" stays ten years, so five after ten is "lăm".
            (10, Some(unit)) => Some((10 + unit, 2)),
            (tens @ 2..=9, _) if self.at_word(ahead + 1, "muoi") => {
                let unit = self.unit_at(ahead + 2);
                Some((
                    tens * 10 + unit.unwrap_or(0),
                    2 + usize::from(unit.is_some()),
                ))
            }
            (n, _) => Some((n, 1)),
        }
    }

    /// A count up to ten written as a word at `ahead`.
    fn numeral_at(&self, ahead: usize) -> Option<u32> {
        let token = self.peek_at(ahead).filter(|t| t.kind == Tok::Word)?;
        let (_, n) = NUMERALS.iter().find(|(w, _)| token.text == *w)?;
        // "sau" is "after" unless written "sáu".
        (*n != 6 || self.written(ahead) == "sáu").then_some(*n)
    }

    /// A quarter named in words at `ahead`: "quý một", "quý hai", "quý ba", "quý bốn" or
    /// "quý tư".
    pub(super) fn quarter_word(&self, ahead: usize) -> Option<u32> {
        let four = self.at_word(ahead, "tu") && self.written(ahead) == "tư";
        let n = if four {
            Some(4)
        } else {
            self.numeral_at(ahead)
        };
        n.filter(|n| (1..=4).contains(n))
    }

    /// The unit after "mười" or "mươi": one to nine, with the spellings used there ("mốt",
    /// "tư", "lăm"); "năm" after "mười" is the word for years.
    fn unit_at(&self, ahead: usize) -> Option<u32> {
        let token = self.peek_at(ahead).filter(|t| t.kind == Tok::Word)?;
        match token.text.as_str() {
            "lam" => Some(5),
            "tu" if self.written(ahead) == "tư" => Some(4),
            "nam" | "muoi" => None,
            _ => self.numeral_at(ahead),
        }
    }

    /// The month named in words at `ahead` and how many tokens name it: "Hai" (2),
    /// "Mười một" (11), "Chạp" (12). "năm" is May only where it cannot be the word for
    /// year: "tháng Năm năm 2025", "tháng Năm 2025", not "tháng 11 và năm 2025" nor
    /// "tháng năm nay".
    pub(super) fn month_word(&self, ahead: usize) -> Option<(u32, usize)> {
        let token = self.peek_at(ahead)?;
        if token.kind != Tok::Word {
            return None;
        }
        let (word, month, spellings) = MONTH_WORDS.iter().find(|(w, ..)| token.text == *w)?;
        if let Some(spellings) = spellings
            && !spellings.contains(&self.written(ahead).as_str())
        {
            return None;
        }
        // Right after "tháng", "năm 2025" leaves the month unnamed, so "tháng năm 2025" is
        // "tháng Năm 2025"; after a joiner it is the year ("tháng 11 và năm 2025").
        let after_thang = (self.pos + ahead)
            .checked_sub(1)
            .is_some_and(|at| self.tokens[at].is_word("thang"));
        let year_next = self.at_year(ahead + 1) && !after_thang;
        if *word == "nam" && (year_next || self.at_relative_year(ahead + 1)) {
            return None;
        }
        if *word == "muoi" {
            // "Mười một", "Mười hai": November, December.
            if self.at_word(ahead + 1, "mot") {
                return Some((11, 2));
            }
            if self.at_word(ahead + 1, "hai") {
                return Some((12, 2));
            }
        }
        Some((*month, 1))
    }

    /// A year named from the plan's year at `ahead`: "nay" (this), "trước" (the one
    /// before), "tới", "sau" (the next).
    pub(super) fn at_relative_year(&self, ahead: usize) -> bool {
        self.relative_year(ahead).is_some()
    }

    /// Years after the plan's year of the relative year word at `ahead`. "trước", "sau"
    /// and "tới" before a time or "khi" are prepositions of what follows ("trong năm trước
    /// ngày 30/6", "năm sau khi …"), not years.
    pub(super) fn relative_year(&self, ahead: usize) -> Option<i32> {
        let token = self.peek_at(ahead)?;
        let offset = match token.text.as_str() {
            _ if token.kind != Tok::Word => return None,
            "nay" => return Some(0),
            "truoc" => -1,
            "toi" | "sau" => 1,
            _ => return None,
        };
        let preposition = self.at_number(ahead + 1)
            || ["ngay", "thang", "quy", "nam", "khi", "mung", "mong", "tet"]
                .iter()
                .any(|w| self.at_word(ahead + 1, w));
        (!preposition).then_some(offset)
    }
}
