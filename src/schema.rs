//! The JSON Schema of plan files and of `units.toml`, for editors with a TOML language
//! server (`#:schema` directive), derived from the structs `raw` reads the files into.
//! The keys the reader accepts are the schema's (`keys`), so the two cannot drift apart.

use schemars::generate::SchemaSettings;
use schemars::transform::{RecursiveTransform, Transform};
use schemars::{JsonSchema, Schema};
use serde_json::Value;

use crate::raw::{RawAlias, RawPlan, RawUnit};

/// Unit codes, names or aliases from units.toml: one, or a list.
#[derive(JsonSchema)]
#[schemars(untagged)]
pub enum Units {
    One(String),
    Many(Vec<String>),
}

/// Another spelling met in documents: a string, or a table with the days it named the
/// unit when it named other units on other days.
#[derive(JsonSchema)]
#[schemars(untagged)]
pub enum Alias {
    Plain(String),
    Timed(RawAlias),
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

/// The keys of the table `T` describes, in the schema's order: all the reader accepts.
pub(crate) fn keys<T: JsonSchema>() -> Vec<String> {
    let schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    let properties = schema.get("properties").and_then(Value::as_object);
    properties
        .into_iter()
        .flat_map(|p| p.keys().cloned())
        .collect()
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
