//! Each reader on small inputs made here, one quirk of real files at a time, and the
//! conversion of what they read.

use std::io::Write;

use super::table::{Block, Merge};
use super::*;
use crate::model::{Unit, UnitKind};

fn registry() -> Registry {
    let unit = |code: &str, name: &str, aliases: &[&str]| Unit {
        code: code.into(),
        name: name.into(),
        aliases: aliases.iter().map(|&a| a.into()).collect(),
        kind: UnitKind::Central,
        successor: None,
        from: None,
        until: None,
    };
    Registry::new(vec![
        unit("THU", "Ban Thu", &["Thu"]),
        unit("ST", "Ban Sổ - Thẻ", &["Sổ, thẻ"]),
        unit("CNTT", "Trung tâm Công nghệ thông tin", &["Trung tâm CNTT"]),
        unit("PC", "Vụ Pháp chế", &["Pháp chế"]),
        unit("VP", "Văn phòng", &[]),
        unit("BHXH-TINH", "BHXH các tỉnh, thành phố", &["BHXH tỉnh"]),
    ])
    .0
}

fn options() -> Options {
    Options {
        fallback_year: 2024,
        ..Options::default()
    }
}

fn convert(bytes: &[u8], kind: SourceKind) -> Imported {
    import("source", bytes, kind, &options(), &registry()).unwrap()
}

fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn docx(body: &str) -> Vec<u8> {
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    zip_of(&[(
        "word/document.xml",
        &format!(r#"<?xml version="1.0"?><w:document {w}><w:body>{body}</w:body></w:document>"#),
    )])
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn tc(inner: &str) -> String {
    format!("<w:tc>{inner}</w:tc>")
}

fn tr(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

const HEADERS: [&str; 5] = [
    "STT",
    "Nội dung công việc",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời gian hoàn thành",
];

fn header_row(repeat: bool) -> String {
    let props = if repeat {
        "<w:trPr><w:tblHeader/></w:trPr>"
    } else {
        ""
    };
    let cells: Vec<String> = HEADERS.iter().map(|h| tc(&p(h))).collect();
    format!("<w:tr>{props}{}</w:tr>", cells.concat())
}

#[test]
fn docx_grid_spans_vertical_merges_and_repeated_headers() {
    let body = format!(
        "{}{}{}{}<w:tbl>{}{}{}{}{}</w:tbl>",
        p("Số: 12/KH-BHXH"),
        p("Hà Nội, ngày 05 tháng 02 năm 2024"),
        p("KẾ HOẠCH"),
        p("Thử nghiệm nhập khẩu"),
        header_row(true),
        // A section row: the title spread over the other four columns.
        tr(&[
            tc(&p("I")),
            tc(&format!(
                "<w:tcPr><w:gridSpan w:val=\"4\"/></w:tcPr>{}",
                p("Phần một")
            )),
        ]),
        // Word repeats the header row at the top of the next page.
        header_row(true),
        tr(&[
            tc(&p("1")),
            tc(&p("Việc một")),
            tc(&p("Vụ Pháp chế")),
            tc(&format!(
                "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>{}",
                p("BHXH tỉnh")
            )),
            tc(&p("Quý I/2024")),
        ]),
        tr(&[
            tc(&p("2")),
            tc(&p("Việc hai")),
            tc(&p("Văn phòng")),
            tc("<w:tcPr><w:vMerge/></w:tcPr><w:p/>"),
            tc(&p("Quý II/2024")),
        ]),
    );
    let imported = convert(&docx(&body), SourceKind::Docx);
    let draft = &imported.draft;
    assert_eq!(imported.problems, Vec::<String>::new());
    assert_eq!(draft.number.as_deref(), Some("12/KH-BHXH"));
    assert_eq!(draft.issued, NaiveDate::from_ymd_opt(2024, 2, 5));
    assert_eq!(draft.kind.as_deref(), Some("Kế hoạch"));
    assert_eq!(draft.title.as_deref(), Some("Thử nghiệm nhập khẩu"));
    assert_eq!(draft.sections.len(), 1);
    assert_eq!(draft.sections[0].title, "Phần một");
    let ids: Vec<&str> = draft.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["1", "2"], "the repeated header is not a task");
    assert_eq!(
        draft.tasks[1].support,
        ["BHXH-TINH"],
        "merged down from the row above"
    );
}

#[test]
fn docx_runs_split_mid_word_content_controls_tracked_changes_and_paragraphs() {
    let content = "<w:p><w:r><w:t>Xây dự</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ng</w:t></w:r>\
        <w:ins><w:r><w:t xml:space=\"preserve\"> kế hoạch</w:t></w:r></w:ins>\
        <w:del><w:r><w:delText> cũ</w:delText></w:r></w:del></w:p>\
        <w:p><w:r><w:t>năm 2024</w:t></w:r></w:p>";
    let lead = format!(
        "<w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt>",
        p("Trung tâm CNTT")
    );
    let body = format!(
        "<w:tbl>{}{}</w:tbl>",
        header_row(false),
        tr(&[
            tc(&p("1")),
            tc(content),
            tc(&lead),
            tc(&p("")),
            tc(&p("Năm 2024"))
        ]),
    );
    let imported = convert(&docx(&body), SourceKind::Docx);
    let task = &imported.draft.tasks[0];
    assert_eq!(task.content, "Xây dựng kế hoạch năm 2024");
    assert_eq!(task.lead, ["CNTT"]);
}

#[test]
fn docx_numbers_that_word_generates_are_counted_in_their_list() {
    let numbered = |level: u8| {
        format!(
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"7\"/></w:numPr></w:pPr></w:p>"
        )
    };
    let row = |stt: String, content: &str| {
        tr(&[
            tc(&stt),
            tc(&p(content)),
            tc(&p("Văn phòng")),
            tc(&p("")),
            tc(&p("Năm 2024")),
        ])
    };
    let body = format!(
        "<w:tbl>{}{}{}{}</w:tbl>",
        header_row(false),
        row(numbered(0), "Một"),
        row(numbered(1), "Một chấm một"),
        row(numbered(0), "Hai"),
    );
    let imported = convert(&docx(&body), SourceKind::Docx);
    let ids: Vec<&str> = imported.draft.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["1", "1.1", "2"]);
}

#[test]
fn docx_merged_cells_are_marked_on_the_grid() {
    let body = format!(
        "<w:tbl>{}{}</w:tbl>",
        tr(&[
            tc(&format!(
                "<w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>{}",
                p("a")
            )),
            tc(&p("b"))
        ]),
        tr(&[tc(&p("c")), tc(&p("d")), tc(&p("e"))]),
    );
    let document = docx::read(&docx(&body)).unwrap();
    let Block::Table(table) = &document.blocks[0] else {
        panic!()
    };
    let merges: Vec<Merge> = table.rows[0].cells.iter().map(|c| c.merge).collect();
    assert_eq!(merges, [Merge::Own, Merge::Across, Merge::Own]);
    assert_eq!(table.rows[0].text(2), "b");
}

#[test]
fn csv_with_bom_crlf_quoted_lines_repeated_headers_and_a_row_split_over_a_page() {
    let csv = "\u{feff}STT,Nội dung công việc,\"Đơn vị\nchủ trì\",Đơn vị phối hợp,Thời gian hoàn thành\r\n\
               1,\"Việc một,\ndòng hai\",\"Thu; Sổ, thẻ\",BHXH các tỉnh, thành phố,Quý I/2024\r\n\
               2,Việc hai bắt đầu,Văn phòng,,\r\n\
               STT,Nội dung công việc,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian hoàn thành\r\n\
               ,và kết thúc ở trang sau,,,Quý II/2024\r\n";
    let imported = convert(csv.as_bytes(), SourceKind::Csv);
    let tasks = &imported.draft.tasks;
    assert_eq!(tasks.len(), 2, "{tasks:#?}");
    assert_eq!(tasks[0].content, "Việc một, dòng hai");
    assert_eq!(tasks[0].lead, ["THU", "ST"]);
    assert_eq!(tasks[1].content, "Việc hai bắt đầu và kết thúc ở trang sau");
    assert_eq!(tasks[1].deadline.as_deref(), Some("Quý II/2024"));
}

#[test]
fn a_row_reading_nt_copies_the_row_above_with_a_note() {
    let tsv = "STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\n\
               1\tMột\tVăn phòng\tPháp chế\tQuý I/2024\n\
               2\tHai\tCNTT\tnt\tnt\n";
    let imported = convert(tsv.as_bytes(), SourceKind::Tsv);
    let task = &imported.draft.tasks[1];
    assert_eq!(task.support, ["PC"]);
    assert_eq!(task.deadline.as_deref(), Some("Quý I/2024"));
    assert!(
        task.note.as_deref().unwrap().contains("\"nt\" (như trên)"),
        "{task:?}"
    );
}

#[test]
fn numbering_that_restarts_takes_the_section_as_prefix() {
    let tsv = "TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\n\
               I\tPhần một\t\t\t\n\
               1\tMột\tVăn phòng\t\tNăm 2024\n\
               a)\tNhóm a\t\t\t\n\
               2\tHai\tVăn phòng\t\tNăm 2024\n\
               II\tPhần hai\t\t\t\n\
               1\tBa\tVăn phòng\t\tNăm 2024\n\
               1\tBốn, đánh số lại không có tiêu đề\tVăn phòng\t\tNăm 2024\n";
    let imported = convert(tsv.as_bytes(), SourceKind::Tsv);
    let draft = &imported.draft;
    let ids: Vec<&str> = draft.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["I.1", "I.2", "II.1", "II.1-2"]);
    let sections: Vec<&str> = draft.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sections, ["I", "I.a", "II"]);
    assert_eq!(draft.tasks[1].section.as_deref(), Some("I.a"));
    assert!(
        imported
            .problems
            .iter()
            .any(|p| p.contains("numbering restarts"))
    );
}

#[test]
fn xlsx_merged_regions_date_serials_and_numbers_as_stt() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let plain = rust_xlsxwriter::Format::new();
    for (col, header) in (0u16..).zip(HEADERS) {
        sheet.write_string(0, col, header).unwrap();
    }
    sheet.write_string(1, 0, "1").unwrap();
    sheet.merge_range(1, 1, 1, 4, "Phần một", &plain).unwrap();
    sheet.write_number(2, 0, 1.1).unwrap();
    sheet.write_string(2, 1, "Việc một").unwrap();
    sheet.merge_range(2, 2, 3, 2, "Văn phòng", &plain).unwrap();
    let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 3, 31).unwrap();
    sheet.write_datetime_with_format(2, 4, &day, &date).unwrap();
    sheet.write_number(3, 0, 1.2).unwrap();
    sheet.write_string(3, 1, "Việc hai").unwrap();
    sheet.write_string(3, 4, "Quý II/2024").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let imported = convert(&bytes, SourceKind::Xlsx);
    let draft = &imported.draft;
    assert_eq!(draft.sections[0].title, "Phần một");
    let ids: Vec<&str> = draft.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["1.1", "1.2"]);
    assert_eq!(draft.tasks[0].deadline.as_deref(), Some("31/3/2024"));
    assert_eq!(
        draft.tasks[1].lead,
        ["VP"],
        "merged down over the second row"
    );
}

#[test]
fn the_plan_file_escapes_strings_and_keeps_the_format_order() {
    let tsv = "STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\tSản phẩm\n\
               1\tLàm \"A\" và \\B\\\tVăn phòng\t\tNăm 2024\tBáo cáo\n";
    let imported = convert(tsv.as_bytes(), SourceKind::Tsv);
    let parsed: toml::Table = toml::from_str(&imported.toml).unwrap();
    let task = &parsed["task"].as_array().unwrap()[0];
    assert_eq!(task["content"].as_str(), Some("Làm \"A\" và \\B\\"));
    let keys: Vec<&String> = task.as_table().unwrap().keys().collect();
    assert_eq!(keys, ["id", "content", "lead", "deadline", "product"]);
    assert!(
        imported
            .toml
            .starts_with("#:schema ../../schema/plan.schema.json\n")
    );
}

#[test]
fn text_with_pipes_headings_without_numbers_and_numbering_restarting_without_headings() {
    let text = "Số: 9/KH-BHXH | Hà Nội, ngày 28 tháng 02 năm 2017 |\n\
                TT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |\n\
                Rà soát thủ tục | |||\n\
                1 | Một | Văn phòng | | Năm 2017 |\n\
                2 | Hai | Văn phòng | | Năm 2017 |\n\
                1 | Ba | Pháp chế | | Năm 2017 |\n\
                | Ba, phần của đơn vị khác | CNTT | | Năm 2017 |\n";
    let imported = convert(text.as_bytes(), SourceKind::Tsv);
    let draft = &imported.draft;
    assert_eq!(draft.number.as_deref(), Some("9/KH-BHXH"));
    let sections: Vec<(&str, &str)> = draft
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(sections, [("I", "Rà soát thủ tục"), ("II", "")]);
    let ids: Vec<&str> = draft.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["I.1", "I.2", "II.1", "II.1-2"]);
    assert!(
        imported
            .problems
            .iter()
            .any(|p| p.contains("row 6, column `STT`: numbering restarts at `1`")),
        "{:#?}",
        imported.problems
    );
}

/// A one-sheet workbook whose sheet is `sheet` (the rows inside `<worksheet>`).
fn workbook_of(sheet: &str) -> Vec<u8> {
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    const DOC: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    zip_of(&[
        (
            "[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>",
        ),
        (
            "_rels/.rels",
            &format!(
                "<Relationships xmlns=\"{RELS}\"><Relationship Id=\"rId1\" \
                 Type=\"{DOC}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
        ),
        (
            "xl/workbook.xml",
            &format!(
                "<workbook xmlns=\"{MAIN}\" xmlns:r=\"{DOC}\"><sheets>\
                 <sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            &format!(
                "<Relationships xmlns=\"{RELS}\"><Relationship Id=\"rId1\" \
                 Type=\"{DOC}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
            ),
        ),
        (
            "xl/worksheets/sheet1.xml",
            &format!("<worksheet xmlns=\"{MAIN}\">{sheet}</worksheet>"),
        ),
    ])
}

/// Found by `fuzz/` (import_xlsx): calamine 0.38 reads a merged region whose last row
/// comes before its first (`B48:G44`) with an unchecked subtraction, which panics in a
/// build with overflow checks; so does a dimension running backwards or a reference too
/// long for a u32. The workbook is refused as damaged instead.
#[test]
fn xlsx_references_calamine_would_overflow_on_are_refused() {
    let row = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>STT</t></is></c></row>";
    for (what, sheet) in [
        (
            "B48:G44",
            format!(
                "<sheetData>{row}</sheetData><mergeCells count=\"1\"><mergeCell ref=\"B48:G44\"/></mergeCells>"
            ),
        ),
        (
            "C1:A1",
            format!("<dimension ref='C1:A1'/><sheetData>{row}</sheetData>"),
        ),
        (
            "A99999999999",
            "<sheetData><row r=\"1\"><c r = \"A99999999999\"/></row></sheetData>".to_string(),
        ),
        (
            "AAAAAAAAAAAAAAAAAA1",
            "<sheetData><row r=\"1\"><c r=\"AAAAAAAAAAAAAAAAAA1\"/></row></sheetData>".to_string(),
        ),
    ] {
        let error = read(&workbook_of(&sheet), SourceKind::Xlsx).unwrap_err();
        assert!(
            error.message.contains(&format!("`{what}`")) && error.message.contains("damaged"),
            "{what}: {error}"
        );
    }
    // Ranges in order, a row number without a column, and text that only looks like an
    // attribute are read as before.
    let sheet = format!(
        "<dimension ref=\"A1:B2\"/><sheetData>{row}<row r=\"2\"><c r=\"B2\" t=\"inlineStr\">\
         <is><t>r=\"ZZZZZZZZZZZZZZ9\" and 5:B3</t></is></c></row></sheetData>\
         <mergeCells count=\"1\"><mergeCell ref=\"A2:B2\"/></mergeCells>"
    );
    let document = read(&workbook_of(&sheet), SourceKind::Xlsx).unwrap();
    let Block::Table(table) = &document.blocks[0] else {
        panic!("a table")
    };
    assert_eq!(table.rows[0].cells[0].text, "STT");
}

/// Found by `fuzz/` (import_text, minimised): the header's date had a five-digit year, and
/// the plan file came out with `issued = +52024-03-05`, which does not read as TOML.
#[test]
fn a_header_date_with_a_long_year_is_not_taken_and_the_draft_reads() {
    let csv = "ngày 05 tháng 3 năm 52024\nTT,Nội dung,\"ċchủ trì\"ợp,Thời gians";
    let imported = convert(csv.as_bytes(), SourceKind::Csv);
    assert_eq!(imported.draft.issued, None);
    assert!(
        imported
            .problems
            .iter()
            .any(|p| p.contains("pass --issued"))
    );
    let parsed: Result<toml::Table, _> = toml::from_str(&imported.toml);
    assert!(parsed.is_ok(), "{}", imported.toml);
}

/// Whatever the date given, the plan file reads: a year TOML cannot write is left out.
#[test]
fn a_draft_never_writes_a_date_toml_cannot_read() {
    let mut draft = Draft {
        issued: NaiveDate::from_ymd_opt(152_024, 3, 5),
        ..Draft::default()
    };
    assert!(!draft.to_toml().contains("\nissued ="));
    assert!(toml::from_str::<toml::Table>(&draft.to_toml()).is_ok());
    draft.issued = NaiveDate::from_ymd_opt(2024, 3, 5);
    assert!(draft.to_toml().contains("\nissued = 2024-03-05\n"));
}

/// A copy that lost the table's columns puts a stage's deadline cell on a line of its own
/// under it ("- 2017-2018"): that is the stage's deadline. A stage whose text only carries
/// a time inside a sentence stays a stage.
#[test]
fn a_time_on_its_own_line_under_an_undated_stage_is_its_deadline() {
    let tsv = "STT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\n\
               1\tCấp thẻ BHYT điện tử:\tVăn phòng\tPháp chế\t\n\
               \t- Hoàn thiện dữ liệu.\t\t\t\n\
               \t- 2017-2018\t\t\t\n\
               \t- Triển khai toàn quốc\t\t\t\n\
               \t- Tháng 6/2019\t\t\t\n\
               \t- Tổng kết trong năm 2020\t\t\t\n\
               2\tViệc hai\tVăn phòng\t\t- Năm 2017\n";
    let imported = convert(tsv.as_bytes(), SourceKind::Tsv);
    let stages: Vec<(&str, Option<&str>)> = imported.draft.tasks[0]
        .stages
        .iter()
        .map(|s| (s.what.as_str(), s.deadline.as_deref()))
        .collect();
    assert_eq!(
        stages,
        [
            ("Hoàn thiện dữ liệu.", Some("2017-2018")),
            ("Triển khai toàn quốc", Some("Tháng 6/2019")),
            ("Tổng kết trong năm 2020", None),
        ]
    );
    // A list mark before a deadline cell is its layout.
    assert_eq!(
        imported.draft.tasks[1].deadline.as_deref(),
        Some("Năm 2017")
    );
}
