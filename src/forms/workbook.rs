//! Writes a form: the workbook a unit fills in (rust_xlsxwriter), or the same table as CSV
//! for offices without Excel.
//!
//! The sheet is protected without a password: a unit can only type into the columns it
//! fills, which a password would not make safer (the hidden key's hash already refuses a
//! row whose task changed), and a forgotten password would lock an office out of its own
//! form. Anyone may lift the protection (Review → Unprotect Sheet).

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format,
    FormatAlign, FormatBorder, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::{DONE, FILLED, FormRow, HEADERS, KEY, STATUS, STATUS_CHOICES, last_day, status_choice};
use crate::progress::Category;
use crate::query::Period;
use crate::render::{Lang, period_words};

/// What a form says above its table.
#[derive(Debug, Clone)]
pub struct Heading {
    pub unit: String,
    pub unit_name: String,
    pub period: Period,
    /// The day the form was made (its statuses are those of that day).
    pub today: NaiveDate,
}

/// The sheet's name.
pub const SHEET: &str = "Tiến độ";
/// The sheet row (from 0) of the header; the items start on the next one.
pub const HEADER_ROW: u32 = 3;

/// Column widths, in characters, by column.
const WIDTHS: [f64; 13] = [
    16.0, 7.0, 48.0, 14.0, 16.0, 11.0, 16.0, 16.0, 13.0, 36.0, 28.0, 24.0, 30.0,
];

const DATE_FORMAT: &str = "dd/mm/yyyy";
const FONT: &str = "Times New Roman";

/// The form as an xlsx workbook.
pub fn xlsx(rows: &[FormRow], heading: &Heading) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET)?;
    write_heading(sheet, heading)?;
    write_rows(sheet, rows)?;
    validate(sheet, rows)?;
    lay_out(sheet, rows.len())?;
    workbook.save_to_buffer()
}

fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(12)
}

fn write_heading(sheet: &mut Worksheet, heading: &Heading) -> Result<(), XlsxError> {
    let last = (KEY - 1) as u16;
    let title = base()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    sheet.merge_range(0, 0, 0, last, "BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ", &title)?;
    let period = heading.period;
    let subtitle = format!(
        "Đơn vị: {} ({}) — Kỳ báo cáo: {} (các nhiệm vụ đến hạn đến hết ngày {}, và các nhiệm vụ thường xuyên) — Tình hình đến ngày {}",
        heading.unit_name,
        heading.unit,
        period_words(period, Lang::Vi),
        dmy(last_day(&period)),
        dmy(heading.today)
    );
    let centred = base().set_align(FormatAlign::Center).set_text_wrap();
    sheet.merge_range(1, 0, 1, last, &subtitle, &centred)?;
    let how = "Đơn vị điền các cột Trạng thái (chọn trong danh sách; để trống nếu không báo cáo), Ngày hoàn thành (khi đã hoàn thành), Kết quả thực hiện, Khó khăn, vướng mắc, Đề xuất. Không sửa các cột khác, không thêm hoặc xóa dòng.";
    let note = base().set_italic().set_text_wrap();
    sheet.merge_range(2, 0, 2, last, how, &note)?;
    sheet.set_row_height(1, 33)?;
    sheet.set_row_height(2, 33)?;
    let header = base()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xD9D9D9));
    let filled_header = header.clone().set_background_color(Color::RGB(0xFFF2CC));
    for (col, label) in HEADERS.iter().enumerate() {
        let format = if (FILLED..KEY).contains(&col) {
            &filled_header
        } else {
            &header
        };
        sheet.write_string_with_format(HEADER_ROW, col as u16, *label, format)?;
    }
    Ok(())
}

fn write_rows(sheet: &mut Worksheet, rows: &[FormRow]) -> Result<(), XlsxError> {
    let cell = base()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let date = cell.clone().set_num_format(DATE_FORMAT);
    let open = cell
        .clone()
        .set_unlocked()
        .set_background_color(Color::RGB(0xFFFBEA));
    let open_date = open.clone().set_num_format(DATE_FORMAT);
    for (i, row) in rows.iter().enumerate() {
        let r = HEADER_ROW + 1 + i as u32;
        let texts = [
            row.plan.clone(),
            row.task.clone(),
            row.content.clone(),
            stage(row),
            deadline(row),
        ];
        for (col, text) in texts.iter().enumerate() {
            sheet.write_string_with_format(r, col as u16, text, &cell)?;
        }
        match row.due.and_then(excel_date) {
            Some(due) => sheet.write_date_with_format(r, 5, &due, &date)?,
            None => sheet.write_blank(r, 5, &cell)?,
        };
        sheet.write_string_with_format(r, 6, standing(row), &cell)?;
        for col in FILLED..KEY {
            let format = if col == DONE { &open_date } else { &open };
            sheet.write_blank(r, col as u16, format)?;
        }
        sheet.write_string_with_format(r, KEY as u16, row.key.to_cell(), &cell)?;
    }
    Ok(())
}

/// The drop-down of statuses, and a date no earlier than the plan's issue in Ngày hoàn
/// thành (its upper bound, the real date, is only known when the form comes back).
fn validate(sheet: &mut Worksheet, rows: &[FormRow]) -> Result<(), XlsxError> {
    if rows.is_empty() {
        return Ok(());
    }
    let first = HEADER_ROW + 1;
    let last = HEADER_ROW + rows.len() as u32;
    let words: Vec<&str> = STATUS_CHOICES.iter().map(|(w, _)| *w).collect();
    let status = DataValidation::new()
        .allow_list_strings(&words)?
        .set_input_title("Trạng thái")?
        .set_input_message("Chọn một trạng thái trong danh sách; để trống nếu không báo cáo.")?
        .set_error_title("Trạng thái không hợp lệ")?
        .set_error_message(format!("Chọn một trong: {}.", words.join(", ")))?
        .set_error_style(DataValidationErrorStyle::Stop);
    sheet.add_data_validation(first, STATUS as u16, last, STATUS as u16, &status)?;
    for (i, row) in rows.iter().enumerate() {
        let Some(issued) = excel_date(row.issued) else {
            continue;
        };
        let r = first + i as u32;
        let done = DataValidation::new()
            .allow_date(DataValidationRule::GreaterThanOrEqualTo(issued))
            .set_input_title("Ngày hoàn thành")?
            .set_input_message("Ngày dạng dd/mm/yyyy; chỉ điền khi đã hoàn thành.")?
            .set_error_title("Ngày không hợp lệ")?
            .set_error_message(format!(
                "Nhập một ngày (dd/mm/yyyy) không trước ngày ban hành kế hoạch ({}).",
                dmy(row.issued)
            ))?;
        sheet.add_data_validation(r, DONE as u16, r, DONE as u16, &done)?;
    }
    Ok(())
}

/// Widths, the hidden key, the frozen header, print settings, protection.
fn lay_out(sheet: &mut Worksheet, rows: usize) -> Result<(), XlsxError> {
    for (col, width) in WIDTHS.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    sheet.set_column_hidden(KEY as u16)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    let last_row = HEADER_ROW + rows.max(1) as u32;
    sheet.set_print_area(0, 0, last_row, (KEY - 1) as u16)?;
    // 9 is A4 in the paper sizes of the xlsx format.
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_footer("&CTrang &P/&N");
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::new()
    };
    sheet.protect_with_options(&options);
    Ok(())
}

/// The form as CSV with the same header (UTF-8 with a byte-order mark, which Excel needs
/// to read Vietnamese from a CSV file).
pub fn csv(rows: &[FormRow]) -> Vec<u8> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let _ = writer.write_record(HEADERS);
        for row in rows {
            let due = row.due.map(dmy).unwrap_or_default();
            let key = row.key.to_cell();
            let mut record = vec![
                row.plan.clone(),
                row.task.clone(),
                row.content.clone(),
                stage(row),
                deadline(row),
                due,
                standing(row),
            ];
            record.extend((FILLED..KEY).map(|_| String::new()));
            record.push(key);
            let _ = writer.write_record(&record);
        }
        let _ = writer.flush();
    }
    out
}

fn excel_date(day: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(day.year()).ok()?;
    ExcelDateTime::from_ymd(year, day.month() as u8, day.day() as u8).ok()
}

/// A day as Vietnamese documents write it.
pub fn dmy(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// The milestone, the stage of a several deadline, or the occurrence a row is about.
fn stage(row: &FormRow) -> String {
    match (&row.stage, row.key.milestone, row.occurrence) {
        (Some(what), Some(n), _) => format!("Mốc {n}: {what}"),
        (Some(stage), None, _) => format!("Giai đoạn {stage}"),
        (None, _, Some(day)) => format!("Kỳ {}", dmy(day)),
        (None, _, None) => String::new(),
    }
}

fn deadline(row: &FormRow) -> String {
    let text = row.deadline.clone().unwrap_or_default();
    match &row.original_deadline {
        Some(original) => format!("{text}\n(gia hạn, ban đầu: {original})"),
        None => text,
    }
}

/// The status on the day the form was made, and how far from the due date.
fn standing(row: &FormRow) -> String {
    let status = status_choice(row.status);
    match (row.category, row.days_late) {
        (Category::Ongoing, _) => format!("{status}\n(thường xuyên)"),
        (_, Some(days)) if days > 0 => format!("{status}\nquá hạn {days} ngày"),
        (_, Some(0)) => format!("{status}\nđến hạn hôm nay"),
        (_, Some(days)) => format!("{status}\ncòn {} ngày", -days),
        (_, None) => status.to_string(),
    }
}
