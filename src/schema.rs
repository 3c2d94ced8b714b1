//! The JSON Schema of plan files and of `units.toml`, for editors with a TOML language
//! server (`#:schema` directive), derived from the structs `raw` reads the files into; a
//! test checks that the keys the reader accepts are the schema's.

use schemars::generate::SchemaSettings;
use schemars::transform::{RecursiveTransform, Transform};
use schemars::{JsonSchema, Schema};
use serde_json::Value;

use crate::raw::{RawPlan, RawUnit};

/// Unit codes, names or aliases from units.toml: one, or a list.
#[derive(JsonSchema)]
#[schemars(untagged)]
pub enum Units {
    One(String),
    Many(Vec<String>),
}

/// The units registry of bhxh-plan.
#[derive(JsonSchema)]
#[schemars(title = "bhxh-plan units registry", deny_unknown_fields)]
pub struct UnitsFile {
    pub unit: Vec<RawUnit>,
}

/// What kind of body a unit is.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
pub enum UnitKind {
    Central,
    Province,
    External,
    Vague,
}

/// Where `bhxh-plan schema --write DIR` puts the plan schema.
pub const PLAN_SCHEMA_FILE: &str = "plan.schema.json";
/// Where `bhxh-plan schema --write DIR` puts the units schema.
pub const UNITS_SCHEMA_FILE: &str = "units.schema.json";

/// The schema of plan files, as pretty JSON.
pub fn plan_schema() -> String {
    generate::<RawPlan>()
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
