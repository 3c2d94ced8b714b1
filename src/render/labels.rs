//! Column labels and words of reports in Vietnamese (default) and English.

use super::Lang;
use crate::model::{Status, UnitKind};

/// A label of a report; `text` picks the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Number,
    Title,
    Issued,
    File,
    Tasks,
    Code,
    Name,
    UnitKind,
    Aliases,
    Successor,
    Plan,
    Task,
    Content,
    Lead,
    Support,
    Deadline,
    Due,
    Status,
    Milestone,
    Unit,
    Open,
    InProgress,
    Overdue,
    DueSoon,
    Done,
    DoneLate,
    Total,
}

impl Label {
    /// The label in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Label::Number => ("Số hiệu", "Number"),
            Label::Title => ("Trích yếu", "Title"),
            Label::Issued => ("Ngày ban hành", "Issued"),
            Label::File => ("Tệp", "File"),
            Label::Tasks => ("Số nhiệm vụ", "Tasks"),
            Label::Code => ("Mã", "Code"),
            Label::Name => ("Tên đơn vị", "Name"),
            Label::UnitKind => ("Loại đơn vị", "Kind"),
            Label::Aliases => ("Tên gọi khác", "Aliases"),
            Label::Successor => ("Đơn vị kế thừa", "Successor"),
            Label::Plan => ("Kế hoạch", "Plan"),
            Label::Task => ("STT", "Task"),
            Label::Content => ("Nội dung công việc", "Content"),
            Label::Lead => ("Chủ trì", "Lead"),
            Label::Support => ("Phối hợp", "Support"),
            Label::Deadline => ("Thời gian hoàn thành", "Deadline"),
            Label::Due => ("Hạn", "Due"),
            Label::Status => ("Trạng thái", "Status"),
            Label::Milestone => ("Mốc", "Stage"),
            Label::Unit => ("Đơn vị", "Unit"),
            Label::Open => ("Chưa xong", "Open"),
            Label::InProgress => ("Đang làm", "In progress"),
            Label::Overdue => ("Quá hạn", "Overdue"),
            Label::DueSoon => ("Sắp đến hạn", "Due ≤ 30 days"),
            Label::Done => ("Hoàn thành", "Done"),
            Label::DoneLate => ("Xong trễ hạn", "Done late"),
            Label::Total => ("Tổng", "Total"),
        };
        lang.pick(vi, en)
    }
}

/// Labels as owned header strings.
pub fn headers(labels: &[Label], lang: Lang) -> Vec<String> {
    labels.iter().map(|l| l.text(lang).to_string()).collect()
}

/// A status in words.
pub fn status(status: Status, lang: Lang) -> &'static str {
    let (vi, en) = match status {
        Status::Open => ("chưa xong", "open"),
        Status::InProgress => ("đang làm", "in progress"),
        Status::Done => ("đã xong", "done"),
        Status::Cancelled => ("đã hủy", "cancelled"),
    };
    lang.pick(vi, en)
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

/// The note that a unit's predecessors are included in a query.
pub fn predecessors_note(unit: &str, predecessors: &[String], lang: Lang) -> String {
    let list = predecessors.join(", ");
    match lang {
        Lang::Vi => format!("Gồm cả nhiệm vụ của đơn vị tiền thân của {unit}: {list}"),
        Lang::En => format!("Includes the tasks of {unit}'s predecessors: {list}"),
    }
}
