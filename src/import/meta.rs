//! What the text above the task table says of the plan: "Số: 24/QĐ-BHXH", "Hà Nội, ngày 19
//! tháng 01 năm 2024", the kind in capitals ("KẾ HOẠCH") and the title under it, or the
//! appendix's caption "(Kèm theo Quyết định số 24/QĐ-BHXH ngày 19/01/2024 …)".

use chrono::NaiveDate;

use crate::units::unaccented;

/// What the header block gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub number: Option<String>,
    pub issued: Option<NaiveDate>,
    pub kind: Option<String>,
    pub title: Option<String>,
}

/// The kinds of document a plan is issued as, in the case plan files write them.
const KINDS: &[&str] = &[
    "Chương trình hành động",
    "Kế hoạch",
    "Quyết định",
    "Chỉ thị",
    "Chương trình",
    "Đề án",
];

fn folded(text: &str) -> String {
    let t: String = unaccented(text)
        .map(|c| {
            if c.is_alphanumeric() || c == '/' {
                c
            } else {
                ' '
            }
        })
        .collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads the lines above the table.
pub fn read(lines: &[String]) -> Meta {
    let mut meta = Meta::default();
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    for (i, line) in lines.iter().enumerate() {
        let f = folded(line);
        // A title cites other documents with their numbers and days ("Thực hiện Nghị quyết
        // số 19-2017/NQ-CP ngày 06/02/2017"): only the lines that say the plan's own are read.
        let caption = f.contains("kem theo");
        let lower = line.to_lowercase();
        if meta.number.is_none() && (caption || lower.contains("số:")) {
            meta.number = number(line);
        }
        let dated = caption || lower.contains(", ngày") || lower.starts_with("ngày");
        if meta.issued.is_none() && dated {
            meta.issued = date(&f);
        }
        if let Some(kind) = KINDS.iter().find(|k| folded(k) == f) {
            meta.kind.get_or_insert_with(|| kind.to_string());
            take_title(&lines[i + 1..], &mut meta);
        } else if f == "phu luc" || (f.starts_with("phu luc ") && f.len() < 14) {
            take_title(&lines[i + 1..], &mut meta);
        } else if let Some(kind) = caption_kind(&f) {
            meta.kind.get_or_insert_with(|| kind.to_string());
        }
        // `export --format phu-luc`: "24/QĐ-BHXH — title".
        if let Some((number, title)) = line.split_once(" — ")
            && number.contains('/')
            && !number.contains(' ')
        {
            meta.number.get_or_insert_with(|| number.to_string());
            meta.title.get_or_insert_with(|| title.trim().to_string());
        }
    }
    meta
}

fn take_title(rest: &[&str], meta: &mut Meta) {
    if meta.title.is_some() {
        return;
    }
    let title = rest
        .iter()
        .find(|l| !l.starts_with('(') && !l.to_lowercase().starts_with("số:"));
    meta.title = title.map(|t| t.to_string());
}

/// The kind a caption names: "(Kèm theo Kế hoạch số …".
fn caption_kind(folded_line: &str) -> Option<&'static str> {
    let rest = folded_line.split_once("kem theo ")?.1;
    KINDS
        .iter()
        .find(|k| rest.starts_with(&format!("{} so", folded(k))))
        .copied()
}

/// The number after "Số:" or "số", which has a slash: "24/QĐ-BHXH".
fn number(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        let w = folded(word);
        if w != "so" {
            continue;
        }
        let next = words.get(i + 1)?;
        let candidate = next.trim_end_matches([',', ';', '.', ')']);
        // "Số: /QĐ-BHXH", the number left blank until the document is signed, is none.
        let blank = candidate.starts_with('/');
        if !blank && candidate.contains('/') && candidate.chars().any(|c| c.is_alphabetic()) {
            return Some(candidate.to_string());
        }
    }
    None
}

/// "ngày 19 tháng 01 năm 2024" or "ngày 19/01/2024", folded; only a year of four digits
/// (a plan file's date cannot hold another).
fn date(f: &str) -> Option<NaiveDate> {
    let day = |y: i32, m, d| {
        if (1000..=9999).contains(&y) {
            NaiveDate::from_ymd_opt(y, m, d)
        } else {
            None
        }
    };
    let words: Vec<&str> = f.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        if *w != "ngay" {
            continue;
        }
        let next = words.get(i + 1)?;
        if let [d, m, y] = next.split('/').collect::<Vec<_>>()[..]
            && let (Ok(d), Ok(m), Ok(y)) = (d.parse(), m.parse(), y.parse())
        {
            return day(y, m, d);
        }
        if let (Some(d), Some("thang"), Some(m), Some("nam"), Some(y)) = (
            words.get(i + 1),
            words.get(i + 2).copied(),
            words.get(i + 3),
            words.get(i + 4).copied(),
            words.get(i + 5),
        ) && let (Ok(d), Ok(m), Ok(y)) = (d.parse(), m.parse(), y.parse())
        {
            return day(y, m, d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &[&str]) -> Meta {
        read(&text.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn a_decision_header_gives_number_date_kind_and_title() {
        let meta = lines(&[
            "BẢO HIỂM XÃ HỘI VIỆT NAM",
            "Số: 24/QĐ-BHXH",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Hà Nội, ngày 19 tháng 01 năm 2024",
            "QUYẾT ĐỊNH",
            "Ban hành Chương trình hành động",
        ]);
        assert_eq!(meta.number.as_deref(), Some("24/QĐ-BHXH"));
        assert_eq!(meta.issued, NaiveDate::from_ymd_opt(2024, 1, 19));
        // A number left blank before the slash, as drafts are, is no number.
        assert_eq!(lines(&["Số: /QĐ-BHXH"]).number, None);
        assert_eq!(meta.kind.as_deref(), Some("Quyết định"));
        assert_eq!(
            meta.title.as_deref(),
            Some("Ban hành Chương trình hành động")
        );
    }

    #[test]
    fn an_appendix_caption_gives_them_too() {
        let meta = lines(&[
            "PHỤ LỤC",
            "Triển khai bộ công cụ",
            "(Kèm theo Kế hoạch số 2449/KH-BHXH ngày 16/6/2017 của BHXH Việt Nam)",
        ]);
        assert_eq!(meta.number.as_deref(), Some("2449/KH-BHXH"));
        assert_eq!(meta.issued, NaiveDate::from_ymd_opt(2017, 6, 16));
        assert_eq!(meta.kind.as_deref(), Some("Kế hoạch"));
        assert_eq!(meta.title.as_deref(), Some("Triển khai bộ công cụ"));
    }

    /// Found by `fuzz/` (import_text): a year of six digits came out as `+152024-03-05`,
    /// which no TOML reader takes, so the plan file written did not read.
    #[test]
    fn a_date_needs_a_year_of_four_digits() {
        for line in [
            "Hà Nội, ngày 05 tháng 3 năm 152024",
            "Hà Nội, ngày 05/3/152024",
            "Hà Nội, ngày 05 tháng 3 năm -5",
            "Hà Nội, ngày 05 tháng 3 năm 24",
        ] {
            assert_eq!(lines(&[line]).issued, None, "{line}");
        }
        assert_eq!(
            lines(&["Hà Nội, ngày 05 tháng 3 năm 2024"]).issued,
            NaiveDate::from_ymd_opt(2024, 3, 5)
        );
    }
}
