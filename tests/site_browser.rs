//! The site in a real browser (DESIGN §10): headless Chromium opens every page of the site
//! of `examples/progress` on a fixed day, served from localhost, and finds no console
//! error, no broken link and no request outside the site; the CNTT page's overdue rows are
//! those of `overdue --unit CNTT --format json`; typing "bao cao" in a filter box leaves
//! the rows that say "báo cáo"; screenshots at 1280 and 390 px wide are written under
//! `target/site-screenshots/` for people to look at.
//!
//! Chromium must be installed (`apt-get install -y chromium`; `.ci/run` does it). Without
//! it the test fails, unless `BHXH_PLAN_SKIP_BROWSER=1` says to skip it.

// The test tells people where the screenshots are, or that it was skipped.
#![allow(clippy::print_stderr)]

mod browser;

use std::collections::{BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::time::Instant;

use assert_cmd::Command;
use serde_json::Value;

use browser::{Browser, Server};

const TODAY: &str = "2024-12-31";
const TREE: &str = "examples/progress";

fn bhxh_plan(args: &[&str]) -> std::process::Output {
    let cache = tempfile::tempdir().unwrap();
    let output = Command::cargo_bin("bhxh-plan")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("BHXH_PLAN_DIR")
        .env_remove("BHXH_PLAN_TODAY")
        .env("BHXH_PLAN_CACHE_DIR", cache.path())
        .args(["--plans", TREE, "--today", TODAY])
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "bhxh-plan {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Where people find the screenshots: `target/site-screenshots/`.
fn screenshots_dir() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder")
        .to_path_buf();
    target.join("site-screenshots")
}

fn chromium_or_skip() -> Option<PathBuf> {
    if let Some(path) = browser::find_chromium() {
        return Some(path);
    }
    if std::env::var("BHXH_PLAN_SKIP_BROWSER").is_ok_and(|v| v == "1") {
        eprintln!("site_browser: skipped (BHXH_PLAN_SKIP_BROWSER=1 and no Chromium found)");
        return None;
    }
    panic!(
        "the browser test needs headless Chromium and found none on the PATH (chromium, \
         chromium-headless-shell, google-chrome) or in $BHXH_PLAN_CHROMIUM: install it with \
         `apt-get install -y chromium` (as .ci/run does), or set BHXH_PLAN_SKIP_BROWSER=1 to \
         skip this test on a machine without it"
    );
}

#[test]
fn the_site_works_in_a_real_browser() {
    let Some(chromium) = chromium_or_skip() else {
        return;
    };
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    bhxh_plan(&["site", "--out", site.to_str().unwrap()]);
    let server = browser::serve(site.clone());
    let mut browser = Browser::launch(&chromium).unwrap_or_else(|e| panic!("{e}"));
    let tab = browser.new_tab().unwrap();
    let opened = open_every_page(&mut browser, &tab, &server, &site);
    overdue_rows_are_those_of_the_overdue_command(&mut browser, &tab, &server);
    the_filter_box_narrows_the_rows(&mut browser, &tab, &server);
    let shots = take_screenshots(&mut browser, &tab, &server);
    eprintln!(
        "site_browser: {opened} pages opened, {shots} screenshots in {}, {:.1} s",
        screenshots_dir().display(),
        started.elapsed().as_secs_f64()
    );
}

/// Every `.html` file of the site, as paths from its root.
fn pages_on_disk(site: &Path) -> BTreeSet<String> {
    let mut pages = BTreeSet::new();
    let mut folders = vec![site.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let relative = path.strip_prefix(site).unwrap();
                pages.insert(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    pages
}

/// Follows the links from the index to every page: each loads without a console error,
/// asks for nothing outside the site, and links only to files of the site. Every page on
/// disk must be reached.
fn open_every_page(browser: &mut Browser, tab: &str, server: &Server, site: &Path) -> usize {
    let on_disk = pages_on_disk(site);
    let mut seen = BTreeSet::from(["index.html".to_string()]);
    let mut queue = VecDeque::from(["index.html".to_string()]);
    let mut problems = Vec::new();
    while let Some(page) = queue.pop_front() {
        let from = browser.events.len();
        let url = format!("{}{page}", server.base);
        browser
            .navigate(tab, &url)
            .unwrap_or_else(|e| panic!("{e}"));
        // Every attribute that names a URL, resolved by the browser against the page.
        let links = browser
            .eval(
                tab,
                "Array.from(document.querySelectorAll('[href],[src]')).map(e => \
                 [e.getAttribute('href') ?? e.getAttribute('src'), \
                  new URL(e.getAttribute('href') ?? e.getAttribute('src'), location.href).href])",
            )
            .unwrap();
        for link in links.as_array().unwrap() {
            let (written, resolved) = (link[0].as_str().unwrap(), link[1].as_str().unwrap());
            if written.starts_with("data:") {
                continue;
            }
            let Some(path) = resolved.strip_prefix(&server.base) else {
                problems.push(format!("{page}: `{written}` leaves the site"));
                continue;
            };
            let path = browser::percent_decode(path.split(['#', '?']).next().unwrap());
            if !site.join(&path).is_file() {
                problems.push(format!(
                    "{page}: `{written}` is broken ({path} does not exist)"
                ));
            } else if path.ends_with(".html") && seen.insert(path.clone()) {
                queue.push_back(path);
            }
        }
        for error in browser.errors(tab, from) {
            problems.push(format!("{page}: {error}"));
        }
        for (url, status) in browser.requests(tab, from) {
            if url.starts_with("data:") {
                continue;
            }
            if !url.starts_with(&server.base) {
                problems.push(format!("{page}: requested {url} outside the site"));
            } else if status != 200 {
                problems.push(format!("{page}: {url} answered {status}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let unreached: Vec<&String> = on_disk.difference(&seen).collect();
    assert!(unreached.is_empty(), "no link leads to {unreached:?}");
    assert!(on_disk.len() > 10, "too few pages: {on_disk:?}");
    assert!(
        server
            .log
            .lock()
            .unwrap()
            .iter()
            .all(|(_, status)| *status == 200)
    );
    seen.len()
}

fn overdue_rows_are_those_of_the_overdue_command(
    browser: &mut Browser,
    tab: &str,
    server: &Server,
) {
    let output = bhxh_plan(&["overdue", "--unit", "CNTT", "--format", "json"]);
    let rows: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    let expected: Vec<[String; 3]> = rows
        .iter()
        .map(|r| {
            let text = |key: &str| r[key].as_str().unwrap_or_default().to_string();
            [text("plan"), text("task"), text("due")]
        })
        .collect();
    assert!(
        expected.len() >= 2,
        "the example should have overdue rows: {rows:?}"
    );
    browser
        .navigate(tab, &format!("{}unit/CNTT.html", server.base))
        .unwrap();
    let shown = browser
        .eval(
            tab,
            "Array.from(document.querySelectorAll('#overdue tbody tr')).map(tr => \
             ['td.plan', 'td.task', 'td.due'].map(c => tr.querySelector(c).textContent.trim()))",
        )
        .unwrap();
    let shown: Vec<[String; 3]> = serde_json::from_value(shown).unwrap();
    assert_eq!(shown, expected, "the CNTT page's overdue rows");
}

/// Types in the plan page's filter box, as a person would, without diacritics.
fn the_filter_box_narrows_the_rows(browser: &mut Browser, tab: &str, server: &Server) {
    let page = format!("{}plan/KSTTHC-2024-QD-BHXH.html", server.base);
    for (typed, wanted) in [("bao cao", "báo cáo"), ("DANG LAM", "đang làm")] {
        browser.navigate(tab, &page).unwrap();
        browser
            .eval(tab, "document.getElementById('tasks-filter').focus()")
            .unwrap();
        for c in typed.chars() {
            let text = c.to_string();
            browser
                .call(
                    Some(tab),
                    "Input.insertText",
                    serde_json::json!({"text": text}),
                )
                .unwrap();
        }
        let rows = browser
            .eval(
                tab,
                "Array.from(document.querySelectorAll('#tasks tbody tr')).map(tr => \
                 [tr.offsetParent !== null, tr.textContent])",
            )
            .unwrap();
        let rows: Vec<(bool, String)> = serde_json::from_value(rows).unwrap();
        let visible = rows.iter().filter(|r| r.0).count();
        assert!(
            visible > 0 && visible < rows.len(),
            "{typed:?}: {visible} of {} rows",
            rows.len()
        );
        for (shown, text) in &rows {
            let says = text.to_lowercase().contains(wanted);
            assert_eq!(
                *shown,
                says,
                "{typed:?} {} a row: {text}",
                if *shown { "kept" } else { "hid" }
            );
        }
        let count = browser
            .eval(tab, "document.getElementById('tasks-count').textContent")
            .unwrap();
        assert_eq!(count, format!("{visible} / {}", rows.len()));
    }
}

fn take_screenshots(browser: &mut Browser, tab: &str, server: &Server) -> usize {
    let dir = screenshots_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let pages = [
        ("index", "index.html"),
        ("plan-KSTTHC-2024", "plan/KSTTHC-2024-QD-BHXH.html"),
        ("unit-CNTT", "unit/CNTT.html"),
    ];
    let mut count = 0;
    for (name, page) in pages {
        browser
            .navigate(tab, &format!("{}{page}", server.base))
            .unwrap();
        for width in [1280, 390] {
            let png = browser.screenshot(tab, width).unwrap();
            assert!(
                png.starts_with(b"\x89PNG\r\n\x1a\n"),
                "{name} at {width}: not a PNG"
            );
            std::fs::write(dir.join(format!("{name}-{width}.png")), png).unwrap();
            count += 1;
        }
    }
    count
}
