//! `form` and `apply` on a copy of `plans/`: the round trip a unit makes (the form made,
//! read back with calamine and filled in as a unit would, written again as a workbook,
//! applied), and every refusal, each of which must leave every plan file byte-identical.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;
use tempfile::TempDir;

use bhxh_plan::forms::{HEADERS, Key};

/// The real date in these tests.
const CLOCK: &str = "2024-07-10";
/// The day the form is made.
const TODAY: &str = "2024-07-01";
/// The sheet row (from 0) of the header, and the first item's.
const HEADER_ROW: usize = 3;
const FIRST: usize = 4;
/// Columns (from 0) the unit fills, and the key.
const STATUS: usize = 7;
const DONE: usize = 8;
const RESULT: usize = 9;
const DIFFICULTIES: usize = 10;
const PROPOSAL: usize = 11;
const KEY: usize = 12;

/// A copy of `plans/`, a folder for forms, and a cache folder.
struct Env {
    dir: TempDir,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        copy(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("plans"),
            &dir.path().join("plans"),
        );
        std::fs::create_dir(dir.path().join("cache")).unwrap();
        Env { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        Command::cargo_bin("bhxh-plan")
            .unwrap()
            .current_dir(self.dir.path())
            .env("BHXH_PLAN_CLOCK", CLOCK)
            .env("BHXH_PLAN_CACHE_DIR", self.path("cache"))
            .env("NO_COLOR", "1")
            .env_remove("BHXH_PLAN_DIR")
            .env_remove("BHXH_PLAN_TODAY")
            .args(args)
            .output()
            .unwrap()
    }

    /// `form --unit CNTT --period 2024-Q2`, into `name`.
    fn form(&self, name: &str) -> PathBuf {
        let out = self.run(&[
            "form", "--unit", "CNTT", "--period", "2024-Q2", "--today", TODAY, "--out", name,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.path(name)
    }

    /// `apply FILE`; its exit code, stdout and stderr.
    fn apply(&self, file: &Path, more: &[&str]) -> (i32, String, String) {
        let mut args = vec!["apply", file.to_str().unwrap(), "--today", CLOCK];
        args.extend(more);
        let out = self.run(&args);
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    /// Every file of the plans tree with its bytes.
    fn plans(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        for entry in walk(&self.path("plans")) {
            files.insert(entry.clone(), std::fs::read(&entry).unwrap());
        }
        files
    }

    /// Rows of `tasks`/`export` as JSON.
    fn json(&self, args: &[&str]) -> Vec<Value> {
        let out = self.run(args);
        serde_json::from_slice::<Vec<Value>>(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
    }
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// The first sheet's cells, by row and column from 0.
fn cells(path: &Path) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let range = workbook.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(range.start(), Some((0, 0)));
    range.rows().map(<[Data]>::to_vec).collect()
}

/// What a unit types on a row: status, completion date, the three notes.
#[derive(Default, Clone)]
struct Typed {
    status: &'static str,
    done: Option<(u16, u8, u8)>,
    result: &'static str,
    difficulties: &'static str,
    proposal: &'static str,
}

/// The form's cells written again as a new workbook, with what the unit typed on some
/// rows (by sheet row from 0), as Excel would save a filled-in form: calamine cannot
/// write, and rust_xlsxwriter cannot edit, so every cell is copied.
fn fill(grid: &[Vec<Data>], typed: &[(usize, Typed)], to: &Path) {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (r, row) in grid.iter().enumerate() {
        for (c, data) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match data {
                Data::String(s) => {
                    sheet.write_string(r, c, s).unwrap();
                }
                Data::DateTime(d) => {
                    sheet
                        .write_number_with_format(r, c, d.as_f64(), &date)
                        .unwrap();
                }
                Data::Float(f) => {
                    sheet.write_number(r, c, *f).unwrap();
                }
                _ => {}
            }
        }
    }
    for (r, t) in typed {
        let r = *r as u32;
        if !t.status.is_empty() {
            sheet.write_string(r, STATUS as u16, t.status).unwrap();
        }
        if let Some((y, m, d)) = t.done {
            let day = ExcelDateTime::from_ymd(y, m, d).unwrap();
            sheet
                .write_date_with_format(r, DONE as u16, &day, &date)
                .unwrap();
        }
        for (c, text) in [
            (RESULT, t.result),
            (DIFFICULTIES, t.difficulties),
            (PROPOSAL, t.proposal),
        ] {
            if !text.is_empty() {
                sheet.write_string(r, c as u16, text).unwrap();
            }
        }
    }
    workbook.save(to).unwrap();
}

fn key_of(grid: &[Vec<Data>], row: usize) -> Key {
    Key::from_cell(&grid[row][KEY].to_string()).unwrap()
}

/// The row (from 0) of the first item that is a whole task, and of the first occurrence.
fn rows_by_kind(grid: &[Vec<Data>]) -> (usize, usize, usize) {
    let keys: Vec<(usize, Key)> = (FIRST..grid.len()).map(|r| (r, key_of(grid, r))).collect();
    let whole: Vec<usize> = keys
        .iter()
        .filter(|(_, k)| k.occurrence.is_none() && k.milestone.is_none())
        .map(|(r, _)| *r)
        .collect();
    let occurrence = keys.iter().find(|(_, k)| k.occurrence.is_some()).unwrap().0;
    (whole[0], whole[1], occurrence)
}

#[test]
fn the_form_has_the_header_the_key_the_drop_down_and_the_print_settings() {
    let env = Env::new();
    let path = env.form("CNTT-2024-Q2.xlsx");
    let grid = cells(&path);
    let header: Vec<String> = grid[HEADER_ROW].iter().map(ToString::to_string).collect();
    assert_eq!(header, HEADERS);
    assert!(grid[0][0].to_string().contains("BÁO CÁO TIẾN ĐỘ"));
    assert!(
        grid[1][0]
            .to_string()
            .contains("Trung tâm Công nghệ thông tin (CNTT)")
    );
    assert!(grid[1][0].to_string().contains("quý II năm 2024"));
    let items = grid.len() - FIRST;
    assert!(items >= 10, "{items} rows");
    for row in &grid[FIRST..] {
        let key = Key::from_cell(&row[KEY].to_string()).expect("every row has a key");
        assert_eq!(row[1].to_string(), key.task);
        assert!(row[STATUS..KEY].iter().all(|c| *c == Data::Empty));
    }

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut sheet = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    let last = FIRST + items;
    let list = sheet
        .split("<dataValidation ")
        .find(|v| v.starts_with(r#"type="list""#))
        .expect("a drop-down list");
    assert!(
        list.contains(&format!(r#"sqref="H{}:H{last}""#, FIRST + 1)),
        "{list}"
    );
    assert!(
        list.contains(
            "<formula1>\"chưa thực hiện,đang thực hiện,đã hoàn thành,dừng thực hiện\"</formula1>"
        ),
        "{list}"
    );
    assert!(sheet.contains(r#"<dataValidation type="date" operator="greaterThanOrEqual""#));
    assert!(sheet.contains(r#"<col min="13" max="13" width="30.7109375" hidden="1""#));
    assert!(sheet.contains("<sheetProtection "), "protected");
    assert!(!sheet.contains("password="), "no password");
    assert!(sheet.contains(r#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape""#));
    assert!(sheet.contains(r#"<pageSetUpPr fitToPage="1"/>"#));
    assert!(
        sheet.contains(
            r#"<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen""#
        )
    );
    let mut workbook = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    assert!(
        workbook.contains("_xlnm.Print_Titles"),
        "the header repeats on each page"
    );
    let mut styles = String::new();
    zip.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(
        styles.contains(r#"<protection locked="0""#),
        "the unit's cells are unlocked"
    );

    // An existing file is kept without --force.
    let out = env.run(&[
        "form",
        "--unit",
        "CNTT",
        "--period",
        "2024-Q2",
        "--today",
        TODAY,
        "--out",
        "CNTT-2024-Q2.xlsx",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    // The default name is UNIT-PERIOD.xlsx in the current folder.
    let out = env.run(&["form", "--unit", "cntt", "--today", TODAY]);
    assert!(out.status.success());
    assert!(env.path("CNTT-2024-Q3.xlsx").is_file());
}

#[test]
fn a_filled_form_is_recorded_and_the_tasks_show_it() {
    let env = Env::new();
    let grid = cells(&env.form("CNTT-2024-Q2.xlsx"));
    let (done_row, doing_row, occurrence_row) = rows_by_kind(&grid);
    let filled = env.path("filled.xlsx");
    let typed = [
        (
            done_row,
            Typed {
                status: "đã hoàn thành",
                done: Some((2024, 6, 20)),
                result: "Đã hoàn thành và đưa vào sử dụng",
                ..Typed::default()
            },
        ),
        (
            doing_row,
            Typed {
                status: "Đang thực hiện",
                difficulties: "Thiếu kinh phí",
                proposal: "Gia hạn đến Quý IV",
                ..Typed::default()
            },
        ),
        (
            occurrence_row,
            Typed {
                status: "da hoan thanh",
                ..Typed::default()
            },
        ),
    ];
    fill(&grid, &typed, &filled);
    let before = env.plans();

    let (code, stdout, stderr) = env.apply(&filled, &["--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Sẽ ghi 3 dòng"), "{stdout}");
    assert_eq!(env.plans(), before, "--dry-run writes nothing");

    let (code, stdout, stderr) = env.apply(&filled, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Đã ghi 3 dòng"), "{stdout}");
    let changed = env
        .plans()
        .iter()
        .filter(|(p, b)| before[*p] != **b)
        .count();
    assert!(changed >= 1, "the plan files were written");

    let check = env.run(&["check", "--today", CLOCK]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let done = key_of(&grid, done_row);
    let doing = key_of(&grid, doing_row);
    let occurrence = key_of(&grid, occurrence_row);
    let task = |key: &Key| {
        env.json(&[
            "tasks", "--plan", &key.plan, "--today", CLOCK, "--format", "json",
        ])
        .into_iter()
        .find(|t| t["task"] == key.task.as_str())
        .unwrap()
    };
    let t = task(&done);
    assert_eq!(
        (t["status"].as_str(), t["done"].as_str()),
        (Some("done"), Some("2024-06-20"))
    );
    let t = task(&doing);
    assert_eq!(
        (t["status"].as_str(), t["done"].as_str()),
        (Some("in-progress"), None)
    );
    let exported = |key: &Key| {
        env.json(&[
            "export", "--plan", &key.plan, "--today", CLOCK, "--format", "json",
        ])
        .into_iter()
        .filter(|t| t["task"] == key.task.as_str())
        .collect::<Vec<Value>>()
    };
    let rows = exported(&done);
    assert_eq!(
        rows[0]["progress_note"],
        "Kết quả thực hiện: Đã hoàn thành và đưa vào sử dụng"
    );
    let rows = exported(&doing);
    assert_eq!(
        rows[0]["progress_note"],
        "Khó khăn, vướng mắc: Thiếu kinh phí; Đề xuất: Gia hạn đến Quý IV"
    );
    // The occurrence is done on --on (here --today), the task itself still open.
    let day = occurrence.occurrence.unwrap().to_string();
    let rows = exported(&occurrence);
    let item = rows
        .iter()
        .find(|r| r["occurrence"] == day.as_str())
        .unwrap();
    assert_eq!(
        (item["status"].as_str(), item["done"].as_str()),
        (Some("done"), Some(CLOCK))
    );

    // The same form again: its answers are already recorded, so nothing is written.
    let after = env.plans();
    let (code, _, stderr) = env.apply(&filled, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("already has this row's entry"), "{stderr}");
    assert!(
        !stderr.contains("changed since the form was made"),
        "{stderr}"
    );
    assert_eq!(env.plans(), after);
}

/// Fills a fresh form with `typed`, applies it, and checks that it is refused with
/// `expected` in the message and that no plan file changed.
fn refused(env: &Env, file: &Path, expected: &[&str]) {
    let before = env.plans();
    let (code, stdout, stderr) = env.apply(file, &[]);
    assert_ne!(code, 0, "{stdout}");
    for e in expected {
        assert!(stderr.contains(e), "expected {e:?} in:\n{stderr}");
    }
    assert_eq!(env.plans(), before, "a refused form changes no file");
}

#[test]
fn bad_cells_are_each_reported_with_their_cell_and_nothing_is_written() {
    let env = Env::new();
    let grid = cells(&env.form("CNTT-2024-Q2.xlsx"));
    let (a, b, c) = rows_by_kind(&grid);
    let typed = [
        (
            a,
            Typed {
                status: "xong",
                ..Typed::default()
            },
        ),
        (
            b,
            Typed {
                status: "đã hoàn thành",
                done: Some((2024, 8, 1)),
                ..Typed::default()
            },
        ),
        (
            c,
            Typed {
                status: "đã hoàn thành",
                done: Some((2010, 1, 1)),
                ..Typed::default()
            },
        ),
        (
            FIRST + 3,
            Typed {
                status: "đang thực hiện",
                done: Some((2024, 6, 1)),
                ..Typed::default()
            },
        ),
    ];
    let filled = env.path("CNTT-2024-Q2-filled.xlsx");
    fill(&grid, &typed, &filled);
    refused(
        &env,
        &filled,
        &[
            &format!(
                "CNTT-2024-Q2-filled.xlsx!H{}: \"xong\" is not a status; write one of chưa thực hiện, đang thực hiện, đã hoàn thành, dừng thực hiện",
                a + 1
            ),
            &format!(
                "!I{}: 01/08/2024 is after the real date (10/07/2024)",
                b + 1
            ),
            &format!("!I{}: 01/01/2010 is before plan", c + 1),
            &format!(
                "!I{}: a completion date goes with \"đã hoàn thành\"",
                FIRST + 4
            ),
            "nothing was written",
        ],
    );
}

#[test]
fn rows_added_copied_or_changed_by_hand_are_refused_and_deleted_or_moved_ones_are_fine() {
    let env = Env::new();
    let grid = cells(&env.form("CNTT-2024-Q2.xlsx"));
    let (a, b, _) = rows_by_kind(&grid);

    // A row added by hand: no key.
    let mut added = grid.clone();
    let mut row = added[a].clone();
    row[KEY] = Data::Empty;
    added.push(row);
    let last = added.len() - 1;
    let file = env.path("added.xlsx");
    fill(
        &added,
        &[(
            last,
            Typed {
                status: "đã hoàn thành",
                ..Typed::default()
            },
        )],
        &file,
    );
    refused(
        &env,
        &file,
        &[&format!("added.xlsx!M{}: this row has no key", last + 1)],
    );

    // A row copied: the same key twice.
    let mut copied = grid.clone();
    copied.push(grid[a].clone());
    let last = copied.len() - 1;
    let file = env.path("copied.xlsx");
    let status = Typed {
        status: "đang thực hiện",
        ..Typed::default()
    };
    fill(
        &copied,
        &[(a, status.clone()), (last, status.clone())],
        &file,
    );
    refused(
        &env,
        &file,
        &[&format!(
            "copied.xlsx!M{}: this row reports the same item as row {}",
            last + 1,
            a + 1
        )],
    );

    // A key edited by hand, and the key of a task that no longer exists.
    let mut edited = grid.clone();
    edited[a][KEY] = Data::String("{\"v\":1,\"task\":".into());
    let mut gone = key_of(&grid, b);
    gone.task = "99.99".into();
    edited[b][KEY] = Data::String(gone.to_cell());
    let file = env.path("edited.xlsx");
    fill(&edited, &[(a, status.clone()), (b, status.clone())], &file);
    refused(
        &env,
        &file,
        &[
            &format!("edited.xlsx!M{}: the key", a + 1),
            &format!(
                "edited.xlsx!M{}: plan `{}` no longer has a task `99.99`",
                b + 1,
                gone.plan
            ),
        ],
    );

    // Rows deleted and the rest in another order: recorded by their keys.
    let mut moved: Vec<Vec<Data>> = grid[..FIRST].to_vec();
    moved.push(grid[b].clone());
    moved.push(grid[a].clone());
    let file = env.path("moved.xlsx");
    fill(
        &moved,
        &[(FIRST, status.clone()), (FIRST + 1, status)],
        &file,
    );
    let (code, stdout, stderr) = env.apply(&file, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Đã ghi 2 dòng"), "{stdout}");
}

#[test]
fn a_task_changed_since_the_form_was_made_is_refused() {
    let env = Env::new();
    let grid = cells(&env.form("CNTT-2024-Q2.xlsx"));
    let (a, _, _) = rows_by_kind(&grid);
    let key = key_of(&grid, a);
    let out = env.run(&[
        "progress",
        &key.plan,
        &key.task,
        "--status",
        "in-progress",
        "--on",
        TODAY,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = env.path("late.xlsx");
    fill(
        &grid,
        &[(
            a,
            Typed {
                status: "đã hoàn thành",
                ..Typed::default()
            },
        )],
        &file,
    );
    refused(
        &env,
        &file,
        &[&format!(
            "late.xlsx!M{}: task `{}` of plan `{}` changed since the form was made",
            a + 1,
            key.task,
            key.plan
        )],
    );
}

#[test]
fn files_that_are_not_a_readable_form_are_refused_with_what_they_are() {
    let env = Env::new();
    let form = env.form("CNTT-2024-Q2.xlsx");
    let text = env.path("text.xlsx");
    std::fs::write(&text, "Kế hoạch,STT\n").unwrap();
    refused(&env, &text, &["text.xlsx", "not an Excel workbook"]);

    let bytes = std::fs::read(&form).unwrap();
    let corrupt = env.path("corrupt.xlsx");
    std::fs::write(&corrupt, &bytes[..bytes.len() / 2]).unwrap();
    refused(&env, &corrupt, &["corrupt.xlsx", "damaged"]);

    // What Excel writes for a workbook with a password: an OLE compound file.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0u8; 504]);
    let locked = env.path("locked.xlsx");
    std::fs::write(&locked, ole).unwrap();
    refused(&env, &locked, &["locked.xlsx", "password-protected"]);

    let csv = env.path("wrong.csv");
    std::fs::write(&csv, "STT,Nội dung,Trạng thái\n1,a,đã hoàn thành\n").unwrap();
    refused(
        &env,
        &csv,
        &["wrong.csv", "\"Ngày hoàn thành\"", "\"Khóa (không sửa)\""],
    );

    // A sheet whose used range runs backwards: calamine would read it with an unchecked
    // subtraction (a panic where overflow is checked).
    let backwards = env.path("backwards.xlsx");
    std::fs::write(&backwards, with_sheet_dimension(&bytes, "L99:A1")).unwrap();
    refused(&env, &backwards, &["backwards.xlsx", "damaged", "`L99:A1`"]);

    // Renaming an .ods or .xls to .xlsx would not make it one: it is to be saved as one.
    for name in ["form.ods", "form.XLS"] {
        let other = env.path(name);
        std::fs::write(&other, "x").unwrap();
        refused(
            &env,
            &other,
            &["save it as .xlsx (Excel Workbook) or CSV UTF-8"],
        );
        let (_, _, stderr) = env.apply(&other, &[]);
        assert!(!stderr.contains("rename"), "{stderr}");
    }
    let bare = env.path("form");
    std::fs::write(&bare, "x").unwrap();
    refused(&env, &bare, &["has no extension: add .xlsx or .csv"]);
}

/// The workbook `xlsx` with the first sheet's `<dimension ref="…"/>` set to `reference`.
fn with_sheet_dimension(xlsx: &[u8], reference: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut changed = false;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            let start = xml.find("<dimension ref=\"").unwrap() + "<dimension ref=\"".len();
            let end = start + xml[start..].find('"').unwrap();
            bytes = format!("{}{reference}{}", &xml[..start], &xml[end..]).into_bytes();
            changed = true;
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut out, &bytes).unwrap();
    }
    assert!(changed, "the form has a first sheet");
    out.finish().unwrap().into_inner()
}

#[test]
fn a_csv_form_filled_in_without_excel_is_recorded() {
    let env = Env::new();
    let out = env.run(&[
        "form", "--unit", "CNTT", "--period", "2024-Q2", "--today", TODAY, "--out", "form.csv",
    ]);
    assert!(out.status.success());
    let text = std::fs::read_to_string(env.path("form.csv")).unwrap();
    assert!(text.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let mut reader =
        csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, HEADERS);
    let mut records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut first: Vec<String> = records[0].iter().map(String::from).collect();
    first[STATUS] = "đã hoàn thành".into();
    first[DONE] = "25/06/2024".into();
    first[RESULT] = "Xong".into();
    records[0] = csv::StringRecord::from(first.clone());
    let key = Key::from_cell(&first[KEY]).unwrap();
    // Without the byte-order mark, as some editors save it.
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).unwrap();
    for r in &records {
        writer.write_record(r).unwrap();
    }
    let filled = env.path("filled.csv");
    std::fs::write(&filled, writer.into_inner().unwrap()).unwrap();
    let (code, stdout, stderr) = env.apply(&filled, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Đã ghi 1 dòng"), "{stdout}");
    let row = env
        .json(&[
            "tasks", "--plan", &key.plan, "--today", CLOCK, "--format", "json",
        ])
        .into_iter()
        .find(|t| t["task"] == key.task.as_str())
        .unwrap();
    assert_eq!(row["done"], "2024-06-25");

    // A bad status in the CSV names its cell: column H, the record's line.
    let mut bad = records[1].iter().map(String::from).collect::<Vec<_>>();
    bad[STATUS] = "xong".into();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).unwrap();
    writer.write_record(&bad).unwrap();
    let file = env.path("bad.csv");
    std::fs::write(&file, writer.into_inner().unwrap()).unwrap();
    refused(&env, &file, &["bad.csv!H2: \"xong\" is not a status"]);
}

/// `--on` defaults to `--today`; when that is after the real date, the message names the
/// option the user wrote.
#[test]
fn a_today_after_the_real_date_is_named_as_the_day_recorded() {
    let env = Env::new();
    let form = env.form("CNTT-2024-Q2.xlsx");
    let before = env.plans();
    let out = env.run(&["apply", form.to_str().unwrap(), "--today", "2024-07-11"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the day recorded is `--today 2024-07-11` (`--on` was not given), which is after the real date, 2024-07-10: give `--on`, on or before 2024-07-10"),
        "{stderr}"
    );
    assert_eq!(env.plans(), before);
}

/// A unit with nothing to report in the period still gets its (empty) form, and is told so.
#[test]
fn an_empty_form_says_the_unit_has_nothing_to_report() {
    let env = Env::new();
    let out = env.run(&[
        "form",
        "--unit",
        "BYT",
        "--period",
        "2024-Q2",
        "--today",
        TODAY,
        "--out",
        "empty.csv",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains(
            "0 dòng cho BYT, kỳ 2024-Q2 (đơn vị không có nhiệm vụ nào cần báo cáo trong kỳ)"
        ),
        "{stdout}"
    );
}

#[test]
fn a_form_applied_twice_skips_the_rows_already_recorded() {
    let env = Env::new();
    let grid = cells(&env.form("CNTT-2024-Q2.xlsx"));
    let (a, b, _) = rows_by_kind(&grid);
    let file = env.path("twice.xlsx");
    fill(
        &grid,
        &[
            (
                a,
                Typed {
                    status: "đã hoàn thành",
                    done: Some((2024, 6, 20)),
                    result: "Xong",
                    ..Typed::default()
                },
            ),
            (
                b,
                Typed {
                    status: "đang thực hiện",
                    ..Typed::default()
                },
            ),
        ],
        &file,
    );
    let (code, _, stderr) = env.apply(&file, &[]);
    assert_eq!(code, 0, "{stderr}");
    let after_first = env.plans();
    // Again, on another day: row b's entry is dated the day it was applied.
    let (code, stdout, stderr) = env.apply(&file, &["--on", "2024-07-05"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(env.plans(), after_first, "nothing recorded twice");
    for (row, key) in [(a, key_of(&grid, a)), (b, key_of(&grid, b))] {
        let note = format!(
            "note: twice.xlsx!H{}: task `{}` of plan `{}` already has this row's entry",
            row + 1,
            key.task,
            key.plan
        );
        assert!(stderr.contains(&note), "{note:?} in:\n{stderr}");
    }
    assert!(!stderr.contains("changed since"), "{stderr}");
    assert!(stdout.contains("Đã ghi 0 dòng"), "{stdout}");
    assert!(
        stdout.contains("2 dòng đã ghi từ trước, bỏ qua."),
        "{stdout}"
    );
    // Another answer on the same row is still a change the form did not see.
    fill(
        &grid,
        &[(
            a,
            Typed {
                status: "đang thực hiện",
                ..Typed::default()
            },
        )],
        &file,
    );
    refused(
        &env,
        &file,
        &[&format!(
            "twice.xlsx!M{}: task `{}` of plan",
            a + 1,
            key_of(&grid, a).task
        )],
    );
}

#[test]
fn a_key_edited_to_name_another_task_is_called_edited() {
    let env = Env::new();
    let grid = cells(&env.form("CNTT-2024-Q2.xlsx"));
    let (a, b, _) = rows_by_kind(&grid);
    let mut edited = grid.clone();
    let mut key = key_of(&grid, a);
    let made_for = key.task.clone();
    key.task = key_of(&grid, b).task;
    edited[a][KEY] = Data::String(key.to_cell());
    let file = env.path("edited.xlsx");
    fill(
        &edited,
        &[(
            a,
            Typed {
                status: "đang thực hiện",
                ..Typed::default()
            },
        )],
        &file,
    );
    refused(
        &env,
        &file,
        &[&format!(
            "edited.xlsx!M{}: the key in column \"{}\" names task `{}` but was made for task `{made_for}` of plan `{}` (it was edited?)",
            a + 1,
            HEADERS[KEY],
            key.task,
            key.plan
        )],
    );
    let (_, _, stderr) = env.apply(&file, &[]);
    assert!(!stderr.contains("changed since"), "{stderr}");
}
