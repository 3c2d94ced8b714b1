//! Splitting a unit cell into registry units by the longest match, so that a name with a
//! comma ("Sổ, thẻ", "BHXH các tỉnh, thành phố") stays one unit and names written one
//! after another with no separator are still found.

use crate::units::{Registry, fold};

/// What a unit cell names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Units {
    /// Registry codes, in the cell's order, each once.
    pub codes: Vec<String>,
    /// Pieces that name no unit, as written.
    pub unknown: Vec<String>,
}

/// The longest run of words tried as one name.
const LONGEST: usize = 16;

/// Words that join names, not name units.
const JOINERS: &[&str] = &[
    "va",
    "voi",
    "cung",
    "cac",
    "cac don vi",
    "don vi",
    "cac bo",
    "bo",
    "nganh",
];

fn is_separator(token: &str) -> bool {
    matches!(token, "," | ";" | ":" | "+" | "-" | "–" | "•" | ".")
}

/// Separators a name never spans.
fn is_hard_separator(token: &str) -> bool {
    matches!(token, ";" | ":" | "+" | "•")
}

/// The words and separators of a cell, parentheses left out: "(gọi tắt BHXH tỉnh)"
/// explains a name, it is not one.
fn tokens(cell: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut depth = 0usize;
    let flush = |word: &mut String, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(std::mem::take(word));
        }
    };
    let chars: Vec<char> = cell.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' | '[' => {
                flush(&mut word, &mut out);
                depth += 1;
            }
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            ',' | ';' | ':' | '+' | '•' => {
                flush(&mut word, &mut out);
                out.push(c.to_string());
            }
            // A dash between words joins a name ("Thu-Sổ"); one standing alone is a
            // bullet or a separator ("Vụ Tài chính - Kế toán" is then matched whole).
            '-' | '–' if word.is_empty() || chars.get(i + 1).is_none_or(|n| n.is_whitespace()) => {
                flush(&mut word, &mut out);
                out.push("-".into());
            }
            c if c.is_whitespace() => flush(&mut word, &mut out),
            c => word.push(c),
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Splits a unit cell: at each word the longest run of words that names a unit wins;
/// words left over between separators are unknown, unless they are joiners or a label
/// ending in a colon ("Các Bộ:", "các đơn vị:").
pub fn split(cell: &str, registry: &Registry) -> Units {
    let tokens = tokens(cell);
    let mut units = Units::default();
    let mut leftover: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if is_separator(&tokens[i]) {
            end_leftover(&mut leftover, tokens[i] == ":", &mut units);
            i += 1;
            continue;
        }
        let mut found = None;
        let last = (i + LONGEST).min(tokens.len());
        let reach = (i + 1..=last)
            .take_while(|&j| !is_hard_separator(&tokens[j - 1]))
            .last()
            .unwrap_or(i + 1);
        for j in (i + 1..=reach).rev() {
            if is_separator(&tokens[j - 1]) {
                continue;
            }
            if let Some(unit) = registry.resolve(&tokens[i..j].join(" ")) {
                found = Some((j, unit.code.clone()));
                break;
            }
        }
        match found {
            Some((j, code)) => {
                end_leftover(&mut leftover, false, &mut units);
                if !units.codes.contains(&code) {
                    units.codes.push(code);
                }
                i = j;
            }
            None => {
                leftover.push(&tokens[i]);
                i += 1;
            }
        }
    }
    end_leftover(&mut leftover, false, &mut units);
    units
}

fn end_leftover(leftover: &mut Vec<&str>, label: bool, units: &mut Units) {
    if leftover.is_empty() {
        return;
    }
    let text = leftover.join(" ");
    leftover.clear();
    let words: String = crate::units::unaccented(&text).collect();
    let joiner = JOINERS.contains(&words.trim()) || fold(&text).is_empty();
    if !label && !joiner {
        units.unknown.push(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Unit, UnitKind};

    fn registry() -> Registry {
        let unit = |code: &str, name: &str, aliases: &[&str]| Unit {
            code: code.into(),
            name: name.into(),
            aliases: aliases.iter().map(|&a| a.into()).collect(),
            kind: UnitKind::Central,
            successor: None,
            from: None,
            until: None,
        };
        Registry::new(vec![
            unit("TST", "Ban Quản lý Thu - Sổ, thẻ", &["Ban Thu - Sổ, thẻ"]),
            unit("THU", "Ban Thu", &["Thu"]),
            unit("ST", "Ban Sổ - Thẻ", &["Sổ, thẻ", "Sổ - Thẻ"]),
            unit("CNTT", "Trung tâm Công nghệ thông tin", &["Trung tâm CNTT"]),
            unit("TCKT", "Vụ Tài chính - Kế toán", &["Vụ TCKT"]),
            unit("CSYT", "Ban Thực hiện chính sách BHYT", &[]),
            unit("KHĐT", "Vụ Kế hoạch và Đầu tư", &[]),
            unit("PC", "Vụ Pháp chế", &["Pháp chế"]),
            unit("VP", "Văn phòng", &[]),
            unit("BHXH-TINH", "BHXH các tỉnh, thành phố", &["BHXH tỉnh"]),
            unit("LIENQUAN", "Các đơn vị liên quan", &[]),
            unit("BYT", "Bộ Y tế", &[]),
        ])
        .0
    }

    fn codes(cell: &str) -> (Vec<String>, Vec<String>) {
        let units = split(cell, &registry());
        (units.codes, units.unknown)
    }

    #[test]
    fn commas_inside_names_stay_and_glued_names_are_found() {
        assert_eq!(
            codes("Thu; Sổ, thẻ CNTT; PC").0,
            ["THU", "ST", "CNTT", "PC"]
        );
        assert_eq!(codes("BHXH các tỉnh, thành phố").0, ["BHXH-TINH"]);
        assert_eq!(
            codes("Vụ Tài chính - Kế toán Ban Thực hiện chính sách BHYT").0,
            ["TCKT", "CSYT"]
        );
        assert_eq!(codes("Ban Quản lý Thu - Sổ, thẻ").0, ["TST"]);
        assert_eq!(
            codes("Vụ Kế hoạch và Đầu tư và Văn phòng").0,
            ["KHĐT", "VP"]
        );
        assert_eq!(codes("VP BHXH tỉnh").0, ["VP", "BHXH-TINH"]);
        assert_eq!(
            codes("BHXH tỉnh và các đơn vị liên quan").0,
            ["BHXH-TINH", "LIENQUAN"]
        );
    }

    #[test]
    fn labels_parentheses_and_bullets_are_not_units() {
        assert_eq!(
            codes("Các Bộ: Bộ Y tế; các đơn vị: Pháp chế, CNTT"),
            (vec!["BYT".into(), "PC".into(), "CNTT".into()], vec![])
        );
        assert_eq!(
            codes("BHXH các tỉnh, thành phố (gọi tắt BHXH tỉnh)"),
            (vec!["BHXH-TINH".into()], vec![])
        );
        assert_eq!(codes("- Văn phòng; - Pháp chế").0, ["VP", "PC"]);
    }

    #[test]
    fn unknown_pieces_are_kept_as_written() {
        assert_eq!(
            codes("Văn phòng, Cục Thuế tỉnh"),
            (vec!["VP".into()], vec!["Cục Thuế tỉnh".into()])
        );
    }
}
