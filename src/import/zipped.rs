//! Opening the zip container of a .docx or .xlsx, refusing what is not one and what
//! would unpack to more than a plan's appendix can be.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::ImportError;

/// The most a zip's entries may claim together, and the most read from one entry: an
/// appendix of a thousand rows is a few megabytes; a zip claiming gigabytes is a bomb
/// or broken.
pub const CAP: u64 = 64 * 1024 * 1024;

/// The zip of a Word or Excel file, checked: a zip at all, entries within [`CAP`].
pub fn open<'a>(bytes: &'a [u8], what: &str) -> Result<ZipArchive<Cursor<&'a [u8]>>, ImportError> {
    if !bytes.starts_with(b"PK") {
        return Err(ImportError::new(format!(
            "this is not {what}: {what} is a zip archive, and this file is {}",
            sniff(bytes)
        )));
    }
    let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        ImportError::new(format!(
            "this is not {what}: the zip archive does not read ({e})"
        ))
    })?;
    let mut archive = archive;
    let mut claimed: u128 = 0;
    for i in 0..archive.len() {
        let size = archive.by_index_raw(i).map_or(0, |entry| entry.size());
        claimed += u128::from(size);
    }
    if claimed > u128::from(CAP) {
        return Err(ImportError::new(format!(
            "refused: the zip's entries claim {} MB unpacked, more than the {} MB an appendix can need (a damaged file or a zip bomb)",
            claimed / (1024 * 1024),
            CAP / (1024 * 1024)
        )));
    }
    Ok(archive)
}

/// The text of one entry, at most [`CAP`] bytes whatever its header claims.
pub fn entry(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ImportError> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ImportError::new(format!("`{name}` does not unpack: {e}"))),
    };
    let bytes = capped(file, name)?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| ImportError::new(format!("`{name}` is not UTF-8 XML")))
}

/// The bytes of the `index`th entry, at most [`CAP`] whatever its header claims.
pub fn entry_bytes(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    index: usize,
) -> Result<(String, Vec<u8>), ImportError> {
    let file = archive
        .by_index(index)
        .map_err(|e| ImportError::new(format!("entry {index} does not unpack: {e}")))?;
    let name = file
        .name()
        .map_err(|e| ImportError::new(format!("entry {index} has no name: {e}")))?
        .to_string();
    let bytes = capped(file, &name)?;
    Ok((name, bytes))
}

fn capped(file: impl Read, name: &str) -> Result<Vec<u8>, ImportError> {
    let mut bytes = Vec::new();
    file.take(CAP + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::new(format!("`{name}` does not unpack: {e}")))?;
    if bytes.len() as u64 > CAP {
        return Err(ImportError::new(format!(
            "refused: `{name}` unpacks to more than {} MB",
            CAP / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// What a file that is not a zip looks like, from its first bytes.
pub fn sniff(bytes: &[u8]) -> &'static str {
    const KINDS: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (
            b"\xD0\xCF\x11\xE0",
            "an old Office file (.doc or .xls): save it as .docx or .xlsx",
        ),
        (b"{\\rtf", "an RTF document"),
    ];
    if bytes.is_empty() {
        return "empty";
    }
    KINDS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map_or_else(
            // A cut in the middle of a character is still text.
            || match std::str::from_utf8(&bytes[..bytes.len().min(512)]) {
                Ok(_) => "text",
                Err(e) if e.error_len().is_none() => "text",
                Err(_) => "of another kind",
            },
            |(_, kind)| *kind,
        )
}
