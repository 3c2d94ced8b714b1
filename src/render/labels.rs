//! Column labels and words of reports in Vietnamese (default) and English.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::Lang;
use crate::model::{Status, UnitKind};
use crate::progress::Category;

macro_rules! labels {
    ($($label:ident = $vi:literal, $en:literal;)*) => {
        /// A label of a report; `text` picks the language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Label { $($label),* }

        impl Label {
            /// The label in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match self { $(Label::$label => lang.pick($vi, $en)),* }
            }
        }
    };
}

// Each label: its name, then its text in Vietnamese and in English.
labels! {
    Number = "Số hiệu", "Number";
    Title = "Trích yếu", "Title";
    Issued = "Ngày ban hành", "Issued";
    File = "Tệp", "File";
    Tasks = "Số nhiệm vụ", "Tasks";
    Code = "Mã", "Code";
    Name = "Tên đơn vị", "Name";
    UnitKind = "Loại đơn vị", "Kind";
    Aliases = "Tên gọi khác", "Aliases";
    Successor = "Đơn vị kế thừa", "Successor";
    Plan = "Kế hoạch", "Plan";
    Task = "STT", "Task";
    Content = "Nội dung công việc", "Content";
    Lead = "Chủ trì", "Lead";
    Support = "Phối hợp", "Support";
    Deadline = "Thời gian hoàn thành", "Deadline";
    Due = "Hạn", "Due";
    Status = "Trạng thái", "Status";
    Milestone = "Mốc", "Stage";
    Unit = "Đơn vị", "Unit";
    Open = "Chưa xong", "Open";
    InProgress = "Đang làm", "In progress";
    Overdue = "Quá hạn", "Overdue";
    DueSoon = "Sắp đến hạn", "Due ≤ 30 days";
    Done = "Hoàn thành", "Done";
    DoneLate = "Xong trễ hạn", "Done late";
    Total = "Tổng", "Total";
}

/// Labels as owned header strings.
pub fn headers(labels: &[Label], lang: Lang) -> Vec<String> {
    labels.iter().map(|l| l.text(lang).to_string()).collect()
}

/// A status in words.
pub fn status_word(status: Status, lang: Lang) -> &'static str {
    let (vi, en) = match status {
        Status::Open => ("chưa xong", "open"),
        Status::InProgress => ("đang làm", "in progress"),
        Status::Done => ("đã xong", "done"),
        Status::Cancelled => ("đã hủy", "cancelled"),
    };
    lang.pick(vi, en)
}

/// A category of the Government's task-tracking regime, in words.
pub fn category(category: Category, lang: Lang) -> &'static str {
    let (vi, en) = match category {
        Category::DoneOnTime => ("hoàn thành đúng hạn", "done on time"),
        Category::DoneLate => ("hoàn thành quá hạn", "done late"),
        Category::OpenInTime => ("chưa hoàn thành, trong hạn", "open, in time"),
        Category::OpenOverdue => ("chưa hoàn thành, quá hạn", "open, overdue"),
        Category::Ongoing => ("thường xuyên", "ongoing"),
        Category::NoDate => ("chưa có hạn", "no date yet"),
        Category::Unfinished => (
            "chưa hoàn thành khi kết thúc kế hoạch",
            "unfinished when the plan closed",
        ),
        Category::Cancelled => ("dừng thực hiện", "cancelled"),
    };
    lang.pick(vi, en)
}

/// Where an item stands: the status while it is open, else the category, with the day
/// it was done.
pub fn standing(
    status: Status,
    category: Category,
    done: Option<NaiveDate>,
    lang: Lang,
) -> Cow<'static, str> {
    match (category, done) {
        (Category::DoneOnTime | Category::DoneLate, Some(done)) => {
            format!("{}\n{done}", self::category(category, lang)).into()
        }
        (Category::Unfinished | Category::Cancelled, _) => self::category(category, lang).into(),
        _ => status_word(status, lang).into(),
    }
}

/// The deadline in effect, with the original below it when an extension moved it.
pub fn deadline<'a>(deadline: Option<&'a str>, original: Option<&str>, lang: Lang) -> Cow<'a, str> {
    match original {
        Some(original) => {
            let was = lang.pick("gia hạn, ban đầu", "extended, was");
            format!("{}\n({was}: {original})", deadline.unwrap_or_default()).into()
        }
        None => deadline.unwrap_or_default().into(),
    }
}

/// What kind of unit a registry entry is, in words.
pub fn unit_kind(kind: UnitKind, lang: Lang) -> &'static str {
    let (vi, en) = match kind {
        UnitKind::Central => ("trung ương", "central"),
        UnitKind::Province => ("cấp tỉnh", "province"),
        UnitKind::External => ("ngoài ngành", "external"),
        UnitKind::Vague => ("không cụ thể", "vague"),
    };
    lang.pick(vi, en)
}

/// Days late (positive) or left (negative) in words.
pub fn days(days: Option<i64>, lang: Lang) -> String {
    match (days, lang) {
        (None, _) => "—".into(),
        (Some(0), Lang::Vi) => "đến hạn hôm nay".into(),
        (Some(0), Lang::En) => "due today".into(),
        (Some(n), Lang::Vi) if n > 0 => format!("trễ {n} ngày"),
        (Some(1), Lang::En) => "1 day late".into(),
        (Some(-1), Lang::En) => "1 day left".into(),
        (Some(n), Lang::En) if n > 0 => format!("{n} days late"),
        (Some(n), Lang::Vi) => format!("còn {} ngày", -n),
        (Some(n), Lang::En) => format!("{} days left", -n),
    }
}

/// How far from its due date work was done: early, on the day, or late.
pub fn days_done(days: Option<i64>, lang: Lang) -> String {
    match (days, lang) {
        (Some(n), Lang::Vi) if n < 0 => format!("sớm {} ngày", -n),
        (Some(-1), Lang::En) => "1 day early".into(),
        (Some(n), Lang::En) if n < 0 => format!("{} days early", -n),
        (Some(0), Lang::Vi) => "đúng hạn".into(),
        (Some(0), Lang::En) => "on the day".into(),
        _ => self::days(days, lang),
    }
}

/// The note that a unit's predecessors are included in a query.
/// Under a list cut short: how many rows it shows of how many, and where the rest are.
pub fn rows_shown(shown: usize, total: usize, unit: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "{shown} dòng đầu trong {total}; đủ cả trên trang từng kế hoạch (lọc theo {unit}) \
             và bằng lệnh `bhxh-plan tasks --unit {unit}`."
        ),
        Lang::En => format!(
            "The first {shown} rows of {total}; all of them are on each plan's page (filter by \
             {unit}) and from `bhxh-plan tasks --unit {unit}`."
        ),
    }
}

pub fn predecessors_note(unit: &str, predecessors: &[String], lang: Lang) -> String {
    let list = predecessors.join(", ");
    match lang {
        Lang::Vi => format!("Gồm cả nhiệm vụ của đơn vị tiền thân của {unit}: {list}"),
        Lang::En => format!("Includes the tasks of {unit}'s predecessors: {list}"),
    }
}
