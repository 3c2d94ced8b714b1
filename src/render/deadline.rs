//! `bhxh-plan deadline`: what a phrase means, for people or as JSON.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use super::{Format, Lang, Style};
use crate::deadline::{Kind, Resolution};

/// A phrase and what it means: in the year after the plan's (`read_in`) when it names no
/// year and had passed when the plan was `issued` (DESIGN §6).
pub struct Explained<'a> {
    pub text: &'a str,
    pub resolution: &'a Resolution,
    pub read_in: Option<i32>,
    pub issued: Option<NaiveDate>,
}

/// The JSON shape of DESIGN §3: `{"text", "kind", "start", "due", "dates"}`, and
/// `read_in` when the next-year rule moved the phrase.
#[derive(Serialize)]
struct Explanation<'a> {
    text: &'a str,
    #[serde(flatten)]
    resolution: &'a Resolution,
    #[serde(skip_serializing_if = "Option::is_none")]
    read_in: Option<i32>,
}

/// Writes what a phrase resolves to.
pub fn write_explanation(
    explained: &Explained<'_>,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (text, r) = (explained.text, explained.resolution);
    if style.format == Format::Json {
        let explanation = Explanation {
            text,
            resolution: r,
            read_in: explained.read_in,
        };
        serde_json::to_writer_pretty(&mut *out, &explanation)?;
        return writeln!(out);
    }
    let day = |d: Option<NaiveDate>| d.map_or_else(|| "—".to_string(), |d| d.to_string());
    let (kind, window, due, dates, year) = match style.lang {
        Lang::Vi => ("loại", "khoảng", "hạn", "các mốc", "năm"),
        Lang::En => ("kind", "window", "due", "dates", "year"),
    };
    writeln!(out, "{text}")?;
    writeln!(out, "  {kind:<8} {}", kind_name(r.kind, style.lang))?;
    writeln!(out, "  {window:<8} {} → {}", day(r.start), day(r.due))?;
    writeln!(out, "  {due:<8} {}", day(r.due))?;
    let list: Vec<String> = r.dates.iter().map(NaiveDate::to_string).collect();
    let list = if list.is_empty() {
        "—".into()
    } else {
        list.join(", ")
    };
    writeln!(out, "  {dates:<8} {list}")?;
    if let (Some(read_in), Some(issued)) = (explained.read_in, explained.issued) {
        let why = style.lang.pick(
            format!(
                "{read_in}: không ghi năm và đã qua khi ban hành ({})",
                issued.format("%d/%m/%Y")
            ),
            format!("{read_in}: names no year and had passed when the plan was issued ({issued})"),
        );
        writeln!(out, "  {year:<8} {why}")?;
    }
    Ok(())
}

/// The kind in words.
pub fn kind_name(kind: Kind, lang: Lang) -> &'static str {
    let (vi, en) = match kind {
        Kind::Date => ("ngày (date)", "date"),
        Kind::Month => ("tháng (month)", "month"),
        Kind::Quarter => ("quý (quarter)", "quarter"),
        Kind::Several => ("nhiều mốc (several)", "several dates"),
        Kind::Half => ("nửa năm (half)", "half year"),
        Kind::Year => ("năm (year)", "year"),
        Kind::Span => ("giai đoạn (span)", "span from a start to an end"),
        Kind::OpenEnded => (
            "từ mốc đầu rồi tiếp diễn (open_ended)",
            "first due, then ongoing",
        ),
        Kind::Recurring => ("định kỳ (recurring)", "recurring"),
        Kind::Ongoing => ("thường xuyên (ongoing)", "ongoing, never overdue"),
        Kind::Event => ("theo sự kiện (event)", "when an event happens"),
    };
    lang.pick(vi, en)
}
