//! Tokens mended into the words the grammar reads: what typists, scans and conversions
//! leave in a cell ("2O25", "Quý lll", "Hằngquý": [`super::typos`]), abbreviations ("T12",
//! "6T", "Tr."), days written in words, and words that say nothing a time does not (a clock
//! time after a date, "của" before a year, "ngân sách" in "năm ngân sách").

use super::typos::{self, is_roman};
use super::{Kind, Token};

/// Every mending pass, in the order each needs the ones before it: words split and digits
/// joined before abbreviations are read, numerals before the words around them.
pub(super) fn all(tokens: &mut Vec<Token>, text: &str) {
    typos::glued_words(tokens, text);
    typos::lookalike_digits(tokens, text);
    abbreviations(tokens);
    typos::lookalike_numerals(tokens);
    of_the_year(tokens);
    days_in_words(tokens, text);
    clock_times(tokens);
    budget_years(tokens);
    reporting_periods(tokens);
    round_the_clock(tokens);
    laws_named_with_their_year(tokens, text);
    times_a_year(tokens);
    year_first_dates(tokens);
}

/// "6 tháng/lần", "6 tháng một lần" (every six months), "2 lần/năm", "mỗi năm hai lần",
/// "3 lần một năm", "1 lần/quý": a series, "định kỳ 6 tháng" (or 4, 3, 1 …), so that words
/// before it ("Kiểm tra 6 tháng/lần") are passed over as before any series. A count that
/// does not divide its period into whole months ("5 lần/năm", "2 lần/tháng") stays as
/// written.
fn times_a_year(tokens: &mut [Token]) {
    for i in 0..tokens.len().saturating_sub(2) {
        // "tháng/lần", "quý/lần": the slash is "một".
        if ["thang", "quy", "nam"].iter().any(|w| tokens[i].is_word(w))
            && tokens[i + 1].is_punct('/')
            && tokens[i + 2].is_word("lan")
        {
            tokens[i + 1].kind = Kind::Word;
            tokens[i + 1].text = "mot".to_string();
        }
    }
    for i in 0..tokens.len().saturating_sub(3) {
        // "2 lần", "hai lần"; "sáu" folds to "sau", which a count here cannot mean.
        let count = |t: &Token| match t.kind {
            Kind::Number => t.text.parse::<u32>().ok(),
            _ => ["mot", "hai", "ba", "bon", "nam", "sau"]
                .iter()
                .zip([1, 2, 3, 4, 5, 6])
                .find(|(w, _)| t.is_word(w))
                .map(|(_, n)| n),
        };
        let per = |t: &Token| {
            t.is_punct('/') || t.is_word("moi") || t.is_word("mot") || t.is_word("trong")
        };
        // The months of "năm", "quý", "tháng".
        let period = |t: &Token| {
            [("nam", 12), ("quy", 3), ("thang", 1)]
                .into_iter()
                .find(|(w, _)| t.is_word(w))
                .map(|(_, months)| months)
        };
        // "6 tháng một lần" (after "tháng/lần" above): every six months.
        let every = tokens[i].kind == Kind::Number
            && tokens[i + 1].is_word("thang")
            && tokens[i + 2].is_word("mot")
            && tokens[i + 3].is_word("lan");
        let (n, months) = if every {
            (Some(1), count(&tokens[i]))
        } else if tokens[i + 1].is_word("lan") && per(&tokens[i + 2]) {
            (count(&tokens[i]), period(&tokens[i + 3]))
        } else if tokens[i].is_word("moi") && tokens[i + 3].is_word("lan") {
            (count(&tokens[i + 2]), period(&tokens[i + 1]))
        } else {
            (None, None)
        };
        // Every so many whole months: "2 lần/năm" every 6, "1 lần/quý" every 3.
        let times = n
            .zip(months)
            .filter(|&(n, months)| n > 0 && months % n == 0)
            .map(|(n, months)| months / n)
            .filter(|step| [1, 2, 3, 4, 6, 12].contains(step));
        if let Some(step) = times {
            for (token, (kind, text)) in tokens[i..i + 4].iter_mut().zip([
                (Kind::Word, "dinh".to_string()),
                (Kind::Word, "ky".to_string()),
                (Kind::Number, step.to_string()),
                (Kind::Word, "thang".to_string()),
            ]) {
                token.kind = kind;
                token.text = text;
            }
        }
    }
}

/// "2025/12/31": a date written year first with slashes, as "2025-12-31" is with dashes.
fn year_first_dates(tokens: &mut [Token]) {
    for i in 0..tokens.len().saturating_sub(4) {
        let [year, a, month, b, day] = &tokens[i..i + 5] else {
            continue;
        };
        let glued = [year, a, month, b, day]
            .windows(2)
            .all(|w| w[0].span.end == w[1].span.start);
        let short = |t: &Token| t.kind == Kind::Number && t.text.len() <= 2;
        if glued
            && year.kind == Kind::Number
            && year.text.len() == 4
            && a.is_punct('/')
            && b.is_punct('/')
            && short(month)
            && short(day)
        {
            tokens[i + 1].kind = Kind::Punct('-');
            tokens[i + 1].text = "-".to_string();
            tokens[i + 3].kind = Kind::Punct('-');
            tokens[i + 3].text = "-".to_string();
        }
    }
}

/// "Năm ngân sách 2025", "năm tài chính 2026": the budget (fiscal) year, which in Vietnam is
/// the calendar year; the words between "năm" and the year are dropped. "Niên độ 2025" (the
/// accounting year, the calendar year by the Law on Accounting) is "năm 2025".
fn budget_years(tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i + 2 < tokens.len() {
        let year = &tokens[i + 2];
        if tokens[i].is_word("nien")
            && tokens[i + 1].is_word("do")
            && year.kind == Kind::Number
            && year.text.len() == 4
        {
            tokens[i].text = "nam".into();
            tokens[i].span.end = tokens[i + 1].span.end;
            tokens.remove(i + 1);
        }
        i += 1;
    }
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
    // "Định kỳ báo cáo 6 tháng, năm": the series of reports, as "định kỳ 6 tháng, năm";
    // "phân kỳ hằng năm" (in yearly phases): each year, as "định kỳ hằng năm".
    let mut i = 0;
    while i + 3 < tokens.len() {
        if tokens[i].is_word("dinh")
            && tokens[i + 1].is_word("ky")
            && tokens[i + 2].is_word("bao")
            && tokens[i + 3].is_word("cao")
        {
            tokens.drain(i + 2..i + 4);
        }
        if tokens[i].is_word("phan") && tokens[i + 1].is_word("ky") && tokens[i + 2].is_word("hang")
        {
            tokens[i].text = "dinh".to_string();
        }
        i += 1;
    }
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

/// "Liên tục, 24/7", "thường xuyên 24/24": round the clock, after an ongoing duty's words;
/// not 24 July.
fn round_the_clock(tokens: &mut Vec<Token>) {
    let mut i = 2;
    while i + 2 < tokens.len() {
        let ongoing = |a: usize| {
            (tokens[a - 1].is_word("lien") && tokens[a].is_word("tuc"))
                || (tokens[a - 1].is_word("thuong") && tokens[a].is_word("xuyen"))
        };
        let after = ongoing(i - 1) || (tokens[i - 1].is_punct(',') && i >= 3 && ongoing(i - 2));
        let glued = tokens[i].span.end == tokens[i + 1].span.start
            && tokens[i + 1].span.end == tokens[i + 2].span.start;
        let clock = tokens[i].text == "24"
            && tokens[i + 1].is_punct('/')
            && (tokens[i + 2].text == "7" || tokens[i + 2].text == "24");
        if after && glued && clock && tokens.get(i + 3).is_none_or(|t| !t.is_punct('/')) {
            let drop = if tokens[i - 1].is_punct(',') {
                i - 1
            } else {
                i
            };
            tokens.drain(drop..i + 3);
        } else {
            i += 1;
        }
    }
}

/// "Luật Bảo hiểm xã hội năm 2024": a law is named with the year it was passed, which is
/// no time of the task. A capital "Luật", then words, then "năm" and a year: the year goes
/// with the name, unless a word between says a time ("trong", "vào", "đến", "trước").
fn laws_named_with_their_year(tokens: &mut Vec<Token>, text: &str) {
    let mut i = 0;
    while i < tokens.len() {
        let law = tokens[i].is_word("luat") && text[tokens[i].span.clone()].starts_with('L');
        if !law {
            i += 1;
            continue;
        }
        let words = tokens[i + 1..]
            .iter()
            .take_while(|t| t.kind == Kind::Word && !t.is_word("nam"))
            .take(12)
            .collect::<Vec<_>>();
        let timed = ["trong", "vao", "den", "truoc", "tu", "nhu", "khi"];
        let plain = words.iter().all(|t| !timed.iter().any(|w| t.is_word(w)));
        let at = i + 1 + words.len();
        let year = tokens
            .get(at + 1)
            .is_some_and(|t| t.kind == Kind::Number && t.text.len() == 4);
        if plain && !words.is_empty() && tokens.get(at).is_some_and(|t| t.is_word("nam")) && year {
            tokens.drain(at..at + 2);
        }
        i += 1;
    }
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
            // "6T đầu năm": a "T" written after the count is "tháng".
            let after_count = i > 0
                && tokens[i - 1].kind == Kind::Number
                && tokens[i - 1].span.end == tokens[i].span.start
                && tokens
                    .get(i + 1)
                    .is_none_or(|next| next.span.start != tokens[i].span.end);
            let word = match tokens[i].text.as_str() {
                "t" if after_count => Some("thang"),
                "t" | "th" if number.is_some() => Some("thang"),
                // "Tr. 30/6/2025": "trước".
                "tr" if dotted && tokens.get(i + 2).is_some_and(|t| t.kind == Kind::Number) => {
                    Some("truoc")
                }
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

/// "Quý IV của năm 2025", "tháng 12 của năm 2025": "của" (of) between a period's number and
/// its year says nothing the year does not, and is dropped.
fn of_the_year(tokens: &mut Vec<Token>) {
    let mut i = 1;
    while i + 2 < tokens.len() {
        let numbered = tokens[i - 1].kind == Kind::Number
            || (tokens[i - 1].kind == Kind::Word && is_roman(&tokens[i - 1].text));
        let year = &tokens[i + 2];
        if numbered
            && tokens[i].is_word("cua")
            && tokens[i + 1].is_word("nam")
            && year.kind == Kind::Number
            && year.text.len() == 4
        {
            tokens.remove(i);
        }
        i += 1;
    }
}

/// "ngày ba mươi tháng sáu", "trước ngày mười lăm hằng tháng": a day of the month written in
/// words after "ngày" (or "mùng"), before "tháng" or "hằng tháng", is that number.
fn days_in_words(tokens: &mut Vec<Token>, text: &str) {
    let mut i = 1;
    while i < tokens.len() {
        let after_day = ["ngay", "mung", "mong"]
            .iter()
            .any(|w| tokens[i - 1].is_word(w));
        let read = after_day
            .then(|| count_in_words(&tokens[i..], text))
            .flatten();
        let followed = |len: usize| {
            tokens
                .get(i + len)
                .is_some_and(|t| t.is_word("thang") || t.is_word("hang"))
        };
        match read {
            Some((day @ 1..=31, len)) if followed(len) => {
                let span = tokens[i].span.start..tokens[i + len - 1].span.end;
                tokens.drain(i + 1..i + len);
                tokens[i] = Token {
                    kind: Kind::Number,
                    text: day.to_string(),
                    span,
                };
            }
            _ => {}
        }
        i += 1;
    }
}

/// A count from one to thirty-nine written in words at the start of `tokens`, and how many
/// tokens it takes: "ba", "mười lăm", "hai mươi mốt", "ba mươi". Folding makes "sáu" (six)
/// and "sau" (after), "tư" (four) and "từ" (from), "tám" and "tạm" one word: the written
/// form decides.
fn count_in_words(tokens: &[Token], text: &str) -> Option<(u32, usize)> {
    let written = |t: &Token| text[t.span.clone()].to_lowercase();
    let unit = |t: &Token, after_tens: bool| -> Option<u32> {
        if t.kind != Kind::Word {
            return None;
        }
        match t.text.as_str() {
            "mot" => Some(1),
            "hai" => Some(2),
            "ba" => Some(3),
            "bon" => Some(4),
            "tu" if after_tens && written(t) == "tư" => Some(4),
            "nam" | "lam" if after_tens => Some(5),
            "sau" if written(t) == "sáu" => Some(6),
            "bay" => Some(7),
            "tam" if written(t) == "tám" => Some(8),
            "chin" => Some(9),
            _ => None,
        }
    };
    let first = tokens.first()?;
    if first.is_word("muoi") {
        // "mười", "mười lăm": ten and a unit.
        return match tokens.get(1).and_then(|t| unit(t, true)) {
            Some(u) => Some((10 + u, 2)),
            None => Some((10, 1)),
        };
    }
    let tens = unit(first, false)?;
    if tokens.get(1).is_some_and(|t| t.is_word("muoi")) {
        // "hai mươi", "ba mươi mốt": tens and a unit.
        return match tokens.get(2).and_then(|t| unit(t, true)) {
            Some(u) => Some((tens * 10 + u, 3)),
            None => Some((tens * 10, 2)),
        };
    }
    Some((tens, 1))
}
