//! The raw structs: a plan file and `units.toml` as written, each value with its span.
//! Their doc comments and `schemars` attributes are also the format's JSON Schema.

use std::ops::Range;

use chrono::NaiveDate;
use schemars::JsonSchema;
use toml::Spanned;

use crate::model::Status;
use crate::schema::{Alias, UnitKind, Units};

/// A string with the byte span of its TOML value.
pub type Sp<T> = Spanned<T>;

/// A list of strings with the span of the whole list, such as `lead = ["TST", "CNTT"]`.
pub type SpList = Sp<Vec<Sp<String>>>;

/// The keys of one table whose value has the wrong type. The reader reported each; a
/// rule that finds the field absent must not report it missing too.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WrongTypes(pub(super) Vec<&'static str>);

impl WrongTypes {
    /// True when the value of `key` has the wrong type.
    pub fn contains(&self, key: &str) -> bool {
        self.0.contains(&key)
    }
}

/// The plan: its number, title and issue date.
#[derive(Debug, Default, JsonSchema)]
#[schemars(rename = "PlanHeader", deny_unknown_fields)]
pub struct RawHeader {
    #[schemars(skip)]
    pub span: Range<usize>,
    /// Số hiệu, such as "595/KH-BHXH"; unique per issuer.
    #[schemars(with = "String", length(min = 1))]
    pub number: Option<Sp<String>>,
    /// Kế hoạch, Quyết định, Chương trình hành động, …
    #[schemars(with = "Option<String>")]
    pub kind: Option<Sp<String>>,
    /// Trích yếu, verbatim.
    #[schemars(with = "String", length(min = 1))]
    pub title: Option<Sp<String>>,
    /// Default "BHXH Việt Nam"; provinces: "BHXH tỉnh Quảng Ngãi".
    #[schemars(with = "Option<String>")]
    pub issuer: Option<Sp<String>>,
    /// Ngày ban hành, a TOML date.
    #[schemars(with = "NaiveDate")]
    pub issued: Option<Sp<NaiveDate>>,
    #[schemars(with = "Option<String>")]
    pub signer: Option<Sp<String>>,
    /// Higher-level documents the plan implements, by number.
    #[schemars(with = "Option<Vec<String>>")]
    pub implements: Vec<Sp<String>>,
    /// The unit that follows the plan up (theo dõi, đôn đốc).
    #[schemars(with = "Option<String>")]
    pub monitor: Option<Sp<String>>,
    /// Where the published text is.
    #[schemars(with = "Option<String>")]
    pub source: Option<Sp<String>>,
    /// Transcription remarks.
    #[schemars(with = "Option<String>")]
    pub note: Option<Sp<String>>,
    /// Tracking ended on this day (the final report).
    #[schemars(with = "Option<NaiveDate>")]
    pub closed: Option<Sp<NaiveDate>>,
    /// The document that closed it: "Báo cáo số …".
    #[schemars(with = "Option<String>")]
    pub closed_by: Option<Sp<String>>,
    #[schemars(skip)]
    pub wrong_type: WrongTypes,
}

/// Values a task without the field inherits.
#[derive(Debug, Default, JsonSchema)]
#[schemars(rename = "Defaults", deny_unknown_fields)]
pub struct RawDefaults {
    #[schemars(with = "Option<Units>")]
    pub lead: Option<SpList>,
    #[schemars(with = "Option<Units>")]
    pub support: Option<SpList>,
    /// Thời gian hoàn thành, in the document's words.
    #[schemars(with = "Option<String>")]
    pub deadline: Option<Sp<String>>,
    #[schemars(skip)]
    pub wrong_type: WrongTypes,
}

/// A heading of the appendix.
#[derive(Debug, JsonSchema)]
#[schemars(rename = "Section", deny_unknown_fields)]
pub struct RawSection {
    #[schemars(skip)]
    pub span: Range<usize>,
    /// "I", "II.a", …
    #[schemars(with = "String")]
    pub id: Option<Sp<String>>,
    #[schemars(with = "String")]
    pub title: Option<Sp<String>>,
    #[schemars(skip)]
    pub wrong_type: WrongTypes,
}

/// What the lead unit reported on a day.
#[derive(Debug, JsonSchema)]
#[schemars(rename = "Progress", deny_unknown_fields)]
pub struct RawProgress {
    #[schemars(skip)]
    pub span: Range<usize>,
    /// The day of the report.
    #[schemars(with = "NaiveDate")]
    pub on: Option<Sp<NaiveDate>>,
    /// The status reported.
    #[schemars(with = "Status")]
    pub status: Option<Sp<String>>,
    /// Kết quả thực hiện, khó khăn, vướng mắc.
    #[schemars(with = "Option<String>")]
    pub note: Option<Sp<String>>,
    /// Recurring tasks only: the due day of the occurrence reported.
    #[schemars(with = "Option<NaiveDate>")]
    pub occurrence: Option<Sp<NaiveDate>>,
    #[schemars(skip)]
    pub wrong_type: WrongTypes,
}

/// Gia hạn: the deadline moved by an official document.
#[derive(Debug, JsonSchema)]
#[schemars(rename = "Extension", deny_unknown_fields)]
pub struct RawExtension {
    #[schemars(skip)]
    pub span: Range<usize>,
    /// When it was granted.
    #[schemars(with = "NaiveDate")]
    pub on: Option<Sp<NaiveDate>>,
    /// The deadline before, verbatim.
    #[schemars(with = "String")]
    pub from: Option<Sp<String>>,
    /// The new deadline, verbatim; the task's `deadline` equals the last `to`.
    #[schemars(with = "String")]
    pub to: Option<Sp<String>>,
    /// The document that granted it: "Công văn số …".
    #[schemars(with = "String")]
    pub by: Option<Sp<String>>,
    #[schemars(skip)]
    pub wrong_type: WrongTypes,
}

/// A stage of a task with its own deadline and status.
#[derive(Debug, JsonSchema)]
#[schemars(rename = "Milestone", deny_unknown_fields)]
pub struct RawMilestone {
    #[schemars(skip)]
    pub span: Range<usize>,
    #[schemars(with = "String")]
    pub what: Option<Sp<String>>,
    #[schemars(with = "Option<String>")]
    pub deadline: Option<Sp<String>>,
    #[schemars(with = "Option<NaiveDate>")]
    pub due: Option<Sp<NaiveDate>>,
    #[schemars(with = "Option<Status>")]
    pub status: Option<Sp<String>>,
    #[schemars(with = "Option<NaiveDate>")]
    pub done: Option<Sp<NaiveDate>>,
    #[schemars(with = "Option<String>")]
    pub note: Option<Sp<String>>,
    #[schemars(rename = "progress", with = "Option<Vec<RawProgress>>")]
    pub progress: Vec<RawProgress>,
    #[schemars(rename = "extension", with = "Option<Vec<RawExtension>>")]
    pub extensions: Vec<RawExtension>,
    #[schemars(skip)]
    pub wrong_type: WrongTypes,
}

/// One row of the appendix.
#[derive(Debug, JsonSchema)]
#[schemars(rename = "Task", deny_unknown_fields)]
pub struct RawTask {
    #[schemars(skip)]
    pub span: Range<usize>,
    /// The STT path, unique in the plan: "I.1", "1.a".
    #[schemars(with = "String")]
    pub id: Option<Sp<String>>,
    /// The id of a [[section]].
    #[schemars(with = "Option<String>")]
    pub section: Option<Sp<String>>,
    /// Nội dung công việc, verbatim.
    #[schemars(with = "String")]
    pub content: Option<Sp<String>>,
    /// Đơn vị chủ trì.
    #[schemars(with = "Option<Units>")]
    pub lead: Option<SpList>,
    /// Đơn vị phối hợp.
    #[schemars(with = "Option<Units>")]
    pub support: Option<SpList>,
    /// Thời gian hoàn thành, in the document's words ("Quý I/2024", "Thường xuyên").
    #[schemars(with = "Option<String>")]
    pub deadline: Option<Sp<String>>,
    /// Overrides what the deadline resolves to (set it when an event deadline happens).
    #[schemars(with = "Option<NaiveDate>")]
    pub due: Option<Sp<NaiveDate>>,
    /// Sản phẩm.
    #[schemars(with = "Option<String>")]
    pub product: Option<Sp<String>>,
    /// Ghi chú, footnotes, transcription remarks.
    #[schemars(with = "Option<String>")]
    pub note: Option<Sp<String>>,
    /// Default "open".
    #[schemars(with = "Option<Status>")]
    pub status: Option<Sp<String>>,
    /// Completion date; required when status is "done".
    #[schemars(with = "Option<NaiveDate>")]
    pub done: Option<Sp<NaiveDate>>,
    #[schemars(rename = "progress", with = "Option<Vec<RawProgress>>")]
    pub progress: Vec<RawProgress>,
    #[schemars(rename = "extension", with = "Option<Vec<RawExtension>>")]
    pub extensions: Vec<RawExtension>,
    #[schemars(rename = "milestone", with = "Option<Vec<RawMilestone>>")]
    pub milestones: Vec<RawMilestone>,
    #[schemars(skip)]
    pub wrong_type: WrongTypes,
}

/// A bhxh-plan plan file: one plan (Kế hoạch, Quyết định, Chương trình hành động) and the
/// rows of its appendix.
#[derive(Debug, JsonSchema)]
#[schemars(title = "bhxh-plan plan file", deny_unknown_fields)]
pub struct RawPlan {
    #[schemars(rename = "plan", with = "RawHeader")]
    pub header: Option<RawHeader>,
    #[schemars(with = "Option<RawDefaults>")]
    pub defaults: RawDefaults,
    #[schemars(rename = "section", with = "Option<Vec<RawSection>>")]
    pub sections: Vec<RawSection>,
    #[schemars(rename = "task", with = "Option<Vec<RawTask>>")]
    pub tasks: Vec<RawTask>,
}

/// One unit.
#[derive(Debug, JsonSchema)]
#[schemars(rename = "Unit", deny_unknown_fields)]
pub struct RawUnit {
    #[schemars(skip)]
    pub span: Range<usize>,
    /// Short code used in plan files: "CNTT".
    #[schemars(with = "String")]
    pub code: Option<Sp<String>>,
    /// Full name: "Trung tâm Công nghệ thông tin".
    #[schemars(with = "String")]
    pub name: Option<Sp<String>>,
    /// Other spellings met in documents.
    #[schemars(with = "Option<Vec<Alias>>")]
    pub aliases: Vec<RawAlias>,
    /// Default "central".
    #[schemars(with = "Option<UnitKind>")]
    pub kind: Option<Sp<String>>,
    /// The unit this one was merged or renamed into.
    #[schemars(with = "Option<String>")]
    pub successor: Option<Sp<String>>,
    /// When the unit came into being.
    #[schemars(with = "Option<NaiveDate>")]
    pub from: Option<Sp<NaiveDate>>,
    /// When the unit ceased: its last day.
    #[schemars(with = "Option<NaiveDate>")]
    pub until: Option<Sp<NaiveDate>>,
    #[schemars(skip)]
    pub wrong_type: WrongTypes,
}

/// A spelling that named the unit only on some days: "BHXH khu vực II" named one office
/// under QĐ 391/QĐ-BTC and another after QĐ 1733/QĐ-BTC.
#[derive(Debug, JsonSchema)]
#[schemars(rename = "TimedAlias", deny_unknown_fields)]
pub struct RawAlias {
    #[schemars(skip)]
    pub span: Range<usize>,
    /// The spelling.
    #[schemars(with = "String")]
    pub name: Option<Sp<String>>,
    /// The first day it names the unit; default the unit's `from`.
    #[schemars(with = "Option<NaiveDate>")]
    pub from: Option<Sp<NaiveDate>>,
    /// The last day it names the unit; default the unit's `until`.
    #[schemars(with = "Option<NaiveDate>")]
    pub until: Option<Sp<NaiveDate>>,
    #[schemars(skip)]
    pub wrong_type: WrongTypes,
}
