//! summary and export: the markdown parsed as CommonMark, the gantt blocks checked, the
//! iCalendar parsed back, hostile text kept in its cell, examples/SUMMARY.md up to date.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::{Tree, bin, repo_plans, succeeds};
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;

fn repo(args: &[&str]) -> String {
    String::from_utf8(succeeds(bin().args(args).arg("--plans").arg(repo_plans()))).unwrap()
}

/// A markdown document's tables (rows of cell texts, header first) and code blocks.
struct Markdown {
    tables: Vec<Vec<Vec<String>>>,
    code: Vec<(String, String)>,
    headings: Vec<String>,
}

fn parse(text: &str) -> Markdown {
    let mut doc = Markdown {
        tables: Vec::new(),
        code: Vec::new(),
        headings: Vec::new(),
    };
    let mut cell: Option<String> = None;
    let mut row: Vec<String> = Vec::new();
    let mut code: Option<(String, String)> = None;
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => doc.tables.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.push(cell.take().unwrap_or_default()),
            Event::End(TagEnd::TableRow) | Event::End(TagEnd::TableHead) => doc
                .tables
                .last_mut()
                .unwrap()
                .push(std::mem::take(&mut row)),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) => {
                code = Some((lang.to_string(), String::new()))
            }
            Event::End(TagEnd::CodeBlock) => doc.code.extend(code.take()),
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => doc.headings.extend(heading.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                } else if let Some((_, c)) = code.as_mut() {
                    c.push_str(&t);
                } else if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::InlineHtml(t) | Event::Html(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    doc
}

#[test]
fn the_summary_renders_its_tables_and_one_gantt_per_plan() {
    let text = repo(&["summary", "--today", "2024-12-31"]);
    let doc = parse(&text);
    // The overview: one row per plan, under a header.
    let overview = &doc.tables[0];
    assert_eq!(overview[0][0], "Kế hoạch");
    assert_eq!(overview.len(), 6);
    let row = overview.iter().find(|r| r[0] == "24/QĐ-BHXH").unwrap();
    // Overdue on 31/12/2024: II.11 (Tháng 1), V.4 (31/3) and IV.9, whose quarterly
    // reports of 31/3, 30/6 and 30/9 were never reported done.
    assert_eq!(&row[2..], ["52", "0", "52", "3", "0%"]);
    // Every table's rows have as many cells as its header.
    for table in &doc.tables {
        assert!(table.iter().all(|r| r.len() == table[0].len()), "{table:?}");
    }
    // A section per plan with stable headings.
    for plan in [
        "595/KH-BHXH",
        "2449/KH-BHXH",
        "3923/KH-BHXH",
        "KSTTHC-2024/QĐ-BHXH",
        "24/QĐ-BHXH",
    ] {
        assert!(
            doc.headings
                .iter()
                .any(|h| h.starts_with(&format!("{plan} — "))),
            "{plan}"
        );
    }
    let gantts: Vec<&String> = doc
        .code
        .iter()
        .filter(|(lang, _)| lang == "mermaid")
        .map(|(_, c)| c)
        .collect();
    assert_eq!(gantts.len(), 5);
}

/// Every task line of every gantt: `name :[tag, ]tN, start, end` with real dates, start ≤ end,
/// and the end equal to the task's final due date from `export`.
#[test]
fn every_gantt_line_is_well_formed_and_ends_on_the_due_date() {
    let text = repo(&["summary", "--today", "2024-12-31"]);
    let export: Value = serde_json::from_str(&repo(&["export", "--format", "json"])).unwrap();
    let mut due: HashMap<(String, String), String> = HashMap::new();
    for row in export.as_array().unwrap() {
        if let Some(d) = row["due"].as_str() {
            let key = (
                row["plan"].as_str().unwrap().to_string(),
                row["task"].as_str().unwrap().to_string(),
            );
            let entry = due.entry(key).or_insert_with(|| d.to_string());
            if d > entry.as_str() {
                *entry = d.to_string();
            }
        }
    }
    let doc = parse(&text);
    let mut bars = 0;
    for (_, block) in doc.code.iter().filter(|(lang, _)| lang == "mermaid") {
        let mut lines = block.lines();
        assert_eq!(lines.next(), Some("gantt"));
        let title = lines
            .next()
            .unwrap()
            .trim()
            .strip_prefix("title ")
            .unwrap()
            .to_string();
        for line in lines.map(str::trim) {
            if line.starts_with("dateFormat")
                || line.starts_with("axisFormat")
                || line == "todayMarker off"
                || line.starts_with("section ")
            {
                continue;
            }
            let (name, spec) = line.rsplit_once(" :").unwrap_or_else(|| panic!("{line}"));
            assert!(!name.contains(':') && !name.contains('#'), "{line}");
            let parts: Vec<&str> = spec.split(", ").collect();
            let (tags, rest) = parts.split_at(parts.len() - 3);
            assert!(
                tags.iter().all(|t| ["crit", "done", "active"].contains(t)),
                "{line}"
            );
            assert!(rest[0].starts_with('t'), "{line}");
            let start = chrono::NaiveDate::parse_from_str(rest[1], "%Y-%m-%d").unwrap();
            let end = chrono::NaiveDate::parse_from_str(rest[2], "%Y-%m-%d").unwrap();
            assert!(start <= end, "{line}");
            let task = name.split(' ').next().unwrap().to_string();
            assert_eq!(due[&(title.clone(), task)], rest[2], "{line}");
            bars += 1;
        }
    }
    assert!(bars > 100, "{bars} bars");
}

#[test]
fn the_ics_export_parses_back_with_every_due_date() {
    let ics = repo(&["export", "--format", "ics", "--today", "2024-12-31"]);
    assert!(ics.lines().count() > 100);
    assert!(
        ics.split("\r\n").all(|l| l.len() <= 75),
        "a line is longer than 75 octets"
    );
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
    let unfolded = icalendar::parser::unfold(&ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    let todos: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.name == "VTODO")
        .collect();

    let export: Value = serde_json::from_str(&repo(&["export", "--format", "json"])).unwrap();
    let expected: Vec<String> = export
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| Some(r["due"].as_str()?.replace('-', "")))
        .collect();
    let found: Vec<String> = todos
        .iter()
        .map(|c| {
            c.properties
                .iter()
                .find(|p| p.name == "DUE")
                .unwrap()
                .val
                .to_string()
        })
        .collect();
    assert_eq!(found, expected);

    let uids: std::collections::HashSet<String> = todos
        .iter()
        .map(|c| {
            c.properties
                .iter()
                .find(|p| p.name == "UID")
                .unwrap()
                .val
                .to_string()
        })
        .collect();
    assert_eq!(uids.len(), todos.len(), "UIDs are unique");
    assert_eq!(
        ics,
        repo(&["export", "--format", "ics", "--today", "2024-12-31"]),
        "stable across runs"
    );
}

/// A property's value in a parsed calendar component.
fn property(component: &icalendar::parser::Component, name: &str) -> String {
    component
        .properties
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
        .val
        .to_string()
}

#[test]
fn ics_events_are_all_day_on_each_due_date() {
    let ics = repo(&[
        "export",
        "--format",
        "ics",
        "--events",
        "--today",
        "2024-12-31",
    ]);
    assert!(
        ics.split("\r\n").all(|l| l.len() <= 75),
        "a line is longer than 75 octets"
    );
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
    let unfolded = icalendar::parser::unfold(&ics);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    assert!(calendar.components.iter().all(|c| c.name == "VEVENT"));
    let export: Value = serde_json::from_str(&repo(&["export", "--format", "json"])).unwrap();
    let expected: Vec<chrono::NaiveDate> = export
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["due"].as_str()?.parse().ok())
        .collect();
    assert_eq!(calendar.components.len(), expected.len());
    for (event, due) in calendar.components.iter().zip(&expected) {
        let day = |d: chrono::NaiveDate| d.format("%Y%m%d").to_string();
        assert_eq!(property(event, "DTSTART"), day(*due));
        assert_eq!(property(event, "DTEND"), day(due.succ_opt().unwrap()));
        let start = event
            .properties
            .iter()
            .find(|p| p.name == "DTSTART")
            .unwrap();
        let value = start.params.iter().find(|p| p.key == "VALUE").unwrap();
        assert_eq!(value.val.as_ref().unwrap().as_str(), "DATE");
        assert!(property(event, "DESCRIPTION").contains("Trạng thái: "));
    }
    let uids: std::collections::HashSet<String> = calendar
        .components
        .iter()
        .map(|c| property(c, "UID"))
        .collect();
    assert_eq!(uids.len(), calendar.components.len(), "UIDs are unique");
}

#[test]
fn csv_with_a_byte_order_mark_for_excel() {
    let plain = repo(&["export", "--format", "csv"]);
    assert!(plain.starts_with("plan,"), "{plain:.40}");
    let marked = repo(&["export", "--format", "csv", "--bom"]);
    assert_eq!(marked, format!("\u{feff}{plain}"));
    let tasks = repo(&["tasks", "--format", "csv", "--bom", "--plan", "595/KH-BHXH"]);
    assert!(tasks.starts_with("\u{feff}plan,"), "{tasks:.40}");
    let mut reader = csv::Reader::from_reader(tasks.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(reader.records().count(), 25);
}

#[test]
fn bom_and_events_go_with_their_formats_only() {
    for args in [
        &["export", "--format", "json", "--bom"][..],
        &["tasks", "--bom"],
        &["export", "--format", "csv", "--events"],
    ] {
        let output = bin()
            .args(args)
            .arg("--plans")
            .arg(repo_plans())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("goes with `--format"), "{stderr}");
    }
}

#[test]
fn the_appendix_layout_writes_unit_names_in_full() {
    let text = repo(&["export", "--format", "phu-luc", "--plan", "2449/KH-BHXH"]);
    let doc = parse(&text);
    let table = &doc.tables[0];
    assert_eq!(
        table[0],
        [
            "STT",
            "Nội dung công việc",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Thời gian hoàn thành",
            "Sản phẩm"
        ]
    );
    let row = table.iter().find(|r| r[0] == "1.3").unwrap();
    assert_eq!(row[2], "Trung tâm Công nghệ thông tin");
    assert_eq!(row[4], "30/6/2017");
    assert_eq!(
        table.len(),
        1 + 2 + 8,
        "header, two section rows, eight tasks"
    );
}

#[test]
fn hostile_text_stays_inside_its_cell() {
    let tree = Tree::new();
    let hostile = "a | b\\nc <script>alert(1)</script> `x` \\\\ # : ;";
    tree.file(
        "a.toml",
        &format!(
            "{}\n[[task]]\nid = \"1|2\"\ncontent = \"{hostile}\"\nlead = [\"CNTT\"]\ndeadline = \"Quý I/2024\"\n",
            common::HEADER.replace("2017-02-28", "2024-01-02")
        ),
    );
    let output = tree
        .cmd(&["summary", "--today", "2024-06-30"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.contains("<script>"), "{text}");
    let doc = parse(&text);
    for table in &doc.tables {
        assert!(table.iter().all(|r| r.len() == table[0].len()), "{table:?}");
    }
    let overdue = doc.tables.iter().find(|t| t[0][0] == "STT").unwrap();
    assert_eq!(overdue[1][0], "1|2");
    // As a reader sees it: the pipe, the tag and the backticks are text, the line break a <br>.
    assert_eq!(
        overdue[1][1],
        "a | b<br>c <script>alert(1)</script> `x` \\ # : ;"
    );
    let gantt = &doc.code.iter().find(|(l, _)| l == "mermaid").unwrap().1;
    let bar = gantt.lines().last().unwrap();
    assert_eq!(bar.matches(':').count(), 1, "{bar}");
}

#[test]
fn the_summary_can_be_written_to_a_file_and_in_english() {
    let tree = Tree::new();
    tree.file(
        "a.toml",
        &format!(
            "{}\n[[task]]\nid = \"1\"\ncontent = \"x\"\nlead = \"PC\"\ndeadline = \"Năm 2017\"\n",
            common::HEADER
        ),
    );
    tree.cmd(&["summary", "--out", "out/summary.md", "--lang", "en"])
        .assert()
        .code(2);
    std::fs::create_dir(tree.path().join("out")).unwrap();
    tree.cmd(&["summary", "--out", "out/summary.md", "--lang", "en"])
        .assert()
        .code(0)
        .stdout("");
    let text = std::fs::read_to_string(tree.path().join("out/summary.md")).unwrap();
    assert!(
        text.starts_with("# Plan progress summary — 2024-06-30\n"),
        "{text}"
    );
}

#[test]
fn the_example_summary_is_up_to_date() {
    let committed =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/SUMMARY.md"))
            .unwrap();
    let fresh = repo(&["summary", "--today", "2024-12-31"]);
    assert!(
        committed == fresh,
        "examples/SUMMARY.md is stale: run `cargo run -- summary --today 2024-12-31 --out examples/SUMMARY.md`"
    );
}
