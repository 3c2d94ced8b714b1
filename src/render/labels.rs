//! Column and heading labels in Vietnamese (default) and English.

use super::Lang;

/// A label of a report; `text` picks the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Number,
    Issuer,
    Kind,
    Title,
    Issued,
    File,
    Tasks,
    Code,
    Name,
    UnitKind,
    Aliases,
    Successor,
}

impl Label {
    /// The label in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Label::Number => ("Số hiệu", "Number"),
            Label::Issuer => ("Cơ quan ban hành", "Issuer"),
            Label::Kind => ("Loại văn bản", "Kind"),
            Label::Title => ("Trích yếu", "Title"),
            Label::Issued => ("Ngày ban hành", "Issued"),
            Label::File => ("Tệp", "File"),
            Label::Tasks => ("Số nhiệm vụ", "Tasks"),
            Label::Code => ("Mã", "Code"),
            Label::Name => ("Tên đơn vị", "Name"),
            Label::UnitKind => ("Loại đơn vị", "Kind"),
            Label::Aliases => ("Tên gọi khác", "Aliases"),
            Label::Successor => ("Đơn vị kế thừa", "Successor"),
        };
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}
