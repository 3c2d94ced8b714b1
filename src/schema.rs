//! The JSON Schema of plan files and of `units.toml`, for editors with a TOML language
//! server (`#:schema` directive). These types describe the file format only; `raw` reads
//! the files, and a test keeps the two in step (same keys, same required fields).

use chrono::NaiveDate;
use schemars::generate::SchemaSettings;
use schemars::transform::{RecursiveTransform, Transform};
use schemars::{JsonSchema, Schema};
use serde::Serialize;
use serde_json::Value;

use crate::model::Status;

/// A bhxh-plan plan file: one plan (Kế hoạch, Quyết định, Chương trình hành động) and the
/// rows of its appendix.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
#[schemars(title = "bhxh-plan plan file")]
pub struct PlanFile {
    pub plan: PlanHeader,
    pub defaults: Option<Defaults>,
    pub section: Option<Vec<Section>>,
    pub task: Option<Vec<Task>>,
}

/// The plan: its number, title and issue date.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlanHeader {
    /// Số hiệu, such as "595/KH-BHXH"; unique per issuer.
    #[schemars(length(min = 1))]
    pub number: String,
    /// Kế hoạch, Quyết định, Chương trình hành động, …
    pub kind: Option<String>,
    /// Trích yếu, verbatim.
    #[schemars(length(min = 1))]
    pub title: String,
    /// Default "BHXH Việt Nam"; provinces: "BHXH tỉnh Quảng Ngãi".
    pub issuer: Option<String>,
    /// Ngày ban hành, a TOML date.
    pub issued: NaiveDate,
    pub signer: Option<String>,
    /// Higher-level documents the plan implements, by number.
    pub implements: Option<Vec<String>>,
    /// The unit that follows the plan up (theo dõi, đôn đốc).
    pub monitor: Option<String>,
    /// Where the published text is.
    pub source: Option<String>,
    /// Transcription remarks.
    pub note: Option<String>,
}

/// Values a task without the field inherits.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    pub lead: Option<Units>,
    pub support: Option<Units>,
    /// Thời gian hoàn thành, in the document's words.
    pub deadline: Option<String>,
}

/// A heading of the appendix.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// "I", "II.a", …
    pub id: String,
    pub title: String,
}

/// Unit codes, names or aliases from units.toml: one, or a list.
#[derive(JsonSchema, Serialize)]
#[serde(untagged)]
pub enum Units {
    One(String),
    Many(Vec<String>),
}

/// One row of the appendix.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// The STT path, unique in the plan: "I.1", "1.a".
    pub id: String,
    /// The id of a [[section]].
    pub section: Option<String>,
    /// Nội dung công việc, verbatim.
    pub content: String,
    /// Đơn vị chủ trì.
    pub lead: Option<Units>,
    /// Đơn vị phối hợp.
    pub support: Option<Units>,
    /// Thời gian hoàn thành, in the document's words ("Quý I/2024", "Thường xuyên").
    pub deadline: Option<String>,
    /// Overrides what the deadline resolves to (set it when an event deadline happens).
    pub due: Option<NaiveDate>,
    /// Sản phẩm.
    pub product: Option<String>,
    /// Ghi chú, footnotes, transcription remarks.
    pub note: Option<String>,
    /// Default "open".
    pub status: Option<Status>,
    /// Completion date; required when status is "done".
    pub done: Option<NaiveDate>,
    pub milestone: Option<Vec<Milestone>>,
}

/// A stage of a task with its own deadline and status.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub what: String,
    pub deadline: Option<String>,
    pub due: Option<NaiveDate>,
    pub status: Option<Status>,
    pub done: Option<NaiveDate>,
    pub note: Option<String>,
}

/// The units registry of bhxh-plan.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
#[schemars(title = "bhxh-plan units registry")]
pub struct UnitsFile {
    pub unit: Vec<Unit>,
}

/// What kind of body a unit is.
#[derive(JsonSchema, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Central,
    Province,
    External,
    Vague,
}

/// One unit.
#[derive(JsonSchema, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Short code used in plan files: "CNTT".
    pub code: String,
    /// Full name: "Trung tâm Công nghệ thông tin".
    pub name: String,
    /// Other spellings met in documents.
    pub aliases: Option<Vec<String>>,
    /// Default "central".
    pub kind: Option<UnitKind>,
    /// The unit this one was merged or renamed into.
    pub successor: Option<String>,
    /// When the unit ceased.
    pub until: Option<NaiveDate>,
}

/// Where `bhxh-plan schema --write DIR` puts the plan schema.
pub const PLAN_SCHEMA_FILE: &str = "plan.schema.json";
/// Where `bhxh-plan schema --write DIR` puts the units schema.
pub const UNITS_SCHEMA_FILE: &str = "units.schema.json";

/// The schema of plan files, as pretty JSON.
pub fn plan_schema() -> String {
    generate::<PlanFile>()
}

/// The schema of `units.toml`, as pretty JSON.
pub fn units_schema() -> String {
    generate::<UnitsFile>()
}

/// Draft 7, which TOML language servers read, without `null`: TOML has no null, an
/// optional key is simply absent.
fn generate<T: JsonSchema>() -> String {
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    RecursiveTransform(drop_null).transform(&mut schema);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

fn drop_null(schema: &mut Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = &types[..] {
            let only = only.clone();
            object.insert("type".into(), only);
        }
    }
    let is_null = |v: &Value| v.get("type").is_some_and(|t| t == "null");
    if let Some(Value::Array(choices)) = object.get_mut("anyOf") {
        choices.retain(|c| !is_null(c));
        if let [only] = &choices[..] {
            let only = only.clone();
            object.remove("anyOf");
            if let Value::Object(fields) = only {
                object.extend(fields);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raw;

    fn properties(schema: &Value, definition: Option<&str>) -> Vec<String> {
        let node = match definition {
            Some(name) => &schema["definitions"][name],
            None => schema,
        };
        let mut keys: Vec<String> = node["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    fn sorted(keys: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        keys.sort();
        keys
    }

    /// The reader and the schema describe the same format.
    #[test]
    fn the_schema_has_exactly_the_keys_the_reader_knows() {
        let plan: Value = serde_json::from_str(&plan_schema()).unwrap();
        assert_eq!(properties(&plan, None), sorted(raw::PLAN_KEYS));
        assert_eq!(
            properties(&plan, Some("PlanHeader")),
            sorted(raw::HEADER_KEYS)
        );
        assert_eq!(
            properties(&plan, Some("Defaults")),
            sorted(raw::DEFAULTS_KEYS)
        );
        assert_eq!(
            properties(&plan, Some("Section")),
            sorted(raw::SECTION_KEYS)
        );
        assert_eq!(properties(&plan, Some("Task")), sorted(raw::TASK_KEYS));
        assert_eq!(
            properties(&plan, Some("Milestone")),
            sorted(raw::MILESTONE_KEYS)
        );
        let units: Value = serde_json::from_str(&units_schema()).unwrap();
        assert_eq!(properties(&units, None), sorted(raw::UNITS_KEYS));
        assert_eq!(properties(&units, Some("Unit")), sorted(raw::UNIT_KEYS));
    }

    #[test]
    fn kinds_are_the_models() {
        let units: Value = serde_json::from_str(&units_schema()).unwrap();
        let kinds = units["definitions"]["UnitKind"]["enum"]
            .as_array()
            .unwrap()
            .clone();
        assert_eq!(kinds, crate::model::UnitKind::NAMES.to_vec());
    }
}
