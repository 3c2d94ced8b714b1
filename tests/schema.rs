//! The committed JSON Schemas are the generated ones, and every file of plans/ passes them.

mod common;

use std::path::Path;

use common::{bin, repo_plans};
use serde_json::Value;

fn committed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn generated(which: &str) -> String {
    let output = bin().args(["schema", which]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_committed_schemas_are_up_to_date() {
    assert_eq!(
        committed("plan.schema.json"),
        generated("plan"),
        "run `bhxh-plan schema --write schema`"
    );
    assert_eq!(
        committed("units.schema.json"),
        generated("units"),
        "run `bhxh-plan schema --write schema`"
    );
}

/// TOML → JSON as a language server sees it: dates become strings.
fn to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => {
            Value::Object(table.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

fn validate(schema: &str, path: &Path) -> Vec<String> {
    let schema: Value = serde_json::from_str(schema).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let document = to_json(toml::from_str::<toml::Value>(&text).unwrap());
    validator
        .iter_errors(&document)
        .map(|e| format!("{}: {e}", path.display()))
        .collect()
}

/// Plan files and the registry have a schema; the glossary of `--grep` is a short list
/// that only `--grep` reads.
fn has_schema(path: &std::path::Path) -> bool {
    let glossary = path.file_name() == Some(bhxh_plan::load::GLOSSARY_FILE.as_ref());
    path.extension().is_some_and(|e| e == "toml") && !glossary
}

#[test]
fn every_file_of_the_repository_passes_its_schema() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(repo_plans()).sort_by_file_name() {
        let entry = entry.unwrap();
        if !has_schema(entry.path()) {
            continue;
        }
        let schema = if entry.file_name() == "units.toml" {
            committed("units.schema.json")
        } else {
            committed("plan.schema.json")
        };
        problems.extend(validate(&schema, entry.path()));
        checked += 1;
    }
    assert_eq!(checked, 6);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_schema_refuses_what_check_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "[plan]\nnumber = \"1\"\ntitle = \"x\"\nissued = 2024-01-01\n\n[[task]]\nid = \"1\"\ncontent = \"x\"\nstatus = \"finished\"\ndealine = \"Quý I/2024\"\n",
    )
    .unwrap();
    let problems = validate(&committed("plan.schema.json"), &path);
    assert_eq!(problems.len(), 2, "{problems:#?}");
}

#[test]
fn every_plan_file_names_its_schema_for_editors() {
    for entry in walkdir::WalkDir::new(repo_plans()) {
        let entry = entry.unwrap();
        if !has_schema(entry.path()) {
            continue;
        }
        let first = std::fs::read_to_string(entry.path())
            .unwrap()
            .lines()
            .next()
            .unwrap_or_default()
            .to_string();
        assert!(
            first.starts_with("#:schema ") && first.ends_with(".schema.json"),
            "{}: {first}",
            entry.path().display()
        );
    }
}
