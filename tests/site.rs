//! `site` without a browser: the files it writes, what it refuses, and that plan text is
//! escaped. `site_browser.rs` opens the pages in Chromium.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{Tree, bin, repo_plans, succeeds};

/// Every `href="…"` and `src="…"` of an HTML text.
fn links(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        for (at, _) in html.match_indices(attribute) {
            let rest = &html[at + attribute.len()..];
            found.push(rest[..rest.find('"').unwrap()].to_string());
        }
    }
    found
}

fn html_files(site: &Path) -> BTreeSet<String> {
    let mut files = BTreeSet::new();
    for folder in ["", "plan", "unit"] {
        for entry in std::fs::read_dir(site.join(folder)).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".html") {
                files.insert(if folder.is_empty() {
                    name
                } else {
                    format!("{folder}/{name}")
                });
            }
        }
    }
    files
}

#[test]
fn the_site_of_the_repositorys_plans_links_only_to_its_own_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let stdout = succeeds(
        bin()
            .env("BHXH_PLAN_CACHE_DIR", dir.path().join("cache"))
            .args([
                "--plans",
                repo_plans().to_str().unwrap(),
                "--today",
                "2024-06-30",
            ])
            .args(["site", "--out", out.to_str().unwrap()]),
    );
    let stdout = String::from_utf8(stdout).unwrap();
    assert!(stdout.contains("pages as of 2024-06-30"), "{stdout}");
    let files = html_files(&out);
    for plan in ["595-KH-BHXH", "24-QD-BHXH", "KSTTHC-2024-QD-BHXH"] {
        assert!(files.contains(&format!("plan/{plan}.html")), "{files:?}");
    }
    // A code with a diacritic gets a plain file name.
    assert!(
        files.contains("unit/CNTT.html") && files.contains("unit/KHDT.html"),
        "{files:?}"
    );
    for file in &files {
        let html = std::fs::read_to_string(out.join(file)).unwrap();
        let folder = Path::new(file).parent().unwrap();
        for link in links(&html) {
            if link.starts_with("data:") {
                continue;
            }
            assert!(!link.contains("://"), "{file}: `{link}` leaves the site");
            let target = out.join(folder).join(&link);
            assert!(target.is_file(), "{file}: `{link}` is broken");
        }
        assert!(
            html.contains("<style>") && html.contains("@media print"),
            "{file}"
        );
    }
    // The index names every plan and every unit that holds a task.
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("24/QĐ-BHXH") && index.contains("href=\"unit/CNTT.html\""));
}

#[test]
fn plan_text_is_escaped() {
    let tree = Tree::new();
    tree.file(
        "plan.toml",
        r#"[plan]
number = "1/KH-BHXH"
title = "Kế hoạch <b>thử</b>"
issued = 2024-01-10

[[task]]
id = "1"
content = "<script>alert('x')</script> & \"báo cáo\""
lead = ["CNTT"]
deadline = "Quý I/2024"
"#,
    );
    succeeds(&mut tree.cmd(&["site", "--out", "out"]));
    let page = std::fs::read_to_string(tree.path().join("out/plan/1-KH-BHXH.html")).unwrap();
    assert!(
        page.contains(
            "&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62; &#38; &#34;báo cáo&#34;"
        ) || page.contains(
            "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;báo cáo&quot;"
        ),
        "{page}"
    );
    assert!(!page.contains("<script>alert"));
    assert!(!page.contains("<b>thử</b>"));
    // The overdue task is on the unit's page, overdue.
    let unit = std::fs::read_to_string(tree.path().join("out/unit/CNTT.html")).unwrap();
    assert!(unit.contains("id=\"overdue\""), "{unit}");
}

#[test]
fn a_folder_that_is_not_a_site_is_refused_and_left_alone() {
    let tree = Tree::new();
    tree.file(
        "plan.toml",
        &format!("{}{}", common::HEADER, common::GOOD_TASK),
    );
    tree.file("mine/notes.txt", "của tôi");
    let output = tree.cmd(&["site", "--out", "mine"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("`mine` is not empty") && stderr.contains(".bhxh-plan-site"),
        "{stderr}"
    );
    assert!(!tree.path().join("mine/index.html").exists());

    // A site written before is rewritten, and a page whose plan is gone goes with it.
    succeeds(&mut tree.cmd(&["site", "--out", "site"]));
    assert!(tree.path().join("site/plan/1-KH-BHXH.html").is_file());
    tree.file(
        "plan.toml",
        &format!(
            "{}{}",
            common::HEADER.replace("1/KH-BHXH", "2/KH-BHXH"),
            common::GOOD_TASK
        ),
    );
    succeeds(&mut tree.cmd(&["site", "--out", "site"]));
    assert!(tree.path().join("site/plan/2-KH-BHXH.html").is_file());
    assert!(!tree.path().join("site/plan/1-KH-BHXH.html").exists());
}

#[test]
fn the_site_answers_as_of_the_day() {
    let tree = Tree::new();
    tree.file(
        "plan.toml",
        &format!("{}{}", common::HEADER, common::GOOD_TASK),
    );
    // Before the plan was issued it does not exist; after its deadline it is overdue.
    succeeds(&mut tree.cmd(&["site", "--out", "early", "--today", "2017-01-01"]));
    assert_eq!(
        html_files(&tree.path().join("early")),
        BTreeSet::from(["index.html".to_string()])
    );
    succeeds(&mut tree.cmd(&["site", "--out", "late", "--today", "2024-04-02"]));
    let unit = std::fs::read_to_string(tree.path().join("late/unit/CNTT.html")).unwrap();
    assert!(unit.contains("trễ 2 ngày"), "{unit}");
    succeeds(&mut tree.cmd(&[
        "site",
        "--out",
        "en",
        "--today",
        "2024-04-02",
        "--lang",
        "en",
    ]));
    let unit = std::fs::read_to_string(tree.path().join("en/unit/CNTT.html")).unwrap();
    assert!(
        unit.contains("2 days late") && unit.contains("lang=\"en\""),
        "{unit}"
    );
}

/// A national tree holds tens of thousands of plans: the index lists the 200 most overdue
/// and links a page per year of issue that lists them all.
#[test]
fn the_index_of_a_large_tree_lists_the_most_overdue_and_the_years_list_all() {
    let tree = Tree::new();
    for i in 0..205 {
        // Plans issued in 2023 and 2024; the even ones have a task overdue at the end of 2024.
        let (year, deadline) = match i % 2 {
            0 => (2023, "Quý I/2024"),
            _ => (2024, "Năm 2025"),
        };
        tree.file(
            &format!("{i}.toml"),
            &format!(
                "[plan]\nnumber = \"{i}/KH-BHXH\"\ntitle = \"Kế hoạch {i}\"\nissued = {year}-03-01\n\n\
                 [[task]]\nid = \"1\"\ncontent = \"Xây dựng kế hoạch\"\nlead = [\"CNTT\"]\ndeadline = \"{deadline}\"\n"
            ),
        );
    }
    let out = tree.path().join("site");
    succeeds(
        tree.cmd(&["site", "--today", "2024-12-31", "--out"])
            .arg(&out),
    );
    let rows = |file: &str| {
        let html = std::fs::read_to_string(out.join(file)).unwrap();
        html.matches("href=\"plan/").count()
    };
    assert_eq!(rows("index.html"), 200);
    // 103 even plans (0, 2, …, 204) issued in 2023, 102 odd ones in 2024.
    assert_eq!(
        (rows("plans-2023.html"), rows("plans-2024.html")),
        (103, 102)
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("200 kế hoạch có nhiều nhiệm vụ quá hạn nhất trong 205"));
    // The 103 overdue (even) plans come first.
    let numbers: Vec<u32> = index
        .split("href=\"plan/")
        .skip(1)
        .map(|rest| rest[..rest.find('-').unwrap()].parse().unwrap())
        .collect();
    assert!(numbers[..103].iter().all(|n| n % 2 == 0), "{numbers:?}");
    assert!(numbers[103..].iter().all(|n| n % 2 == 1), "{numbers:?}");
}

/// A unit of a national tree may lead tens of thousands of tasks: its page lists the
/// first 1,000 of each list, the most pressing first, counts them all, and says where the
/// rest are.
#[test]
fn a_unit_page_lists_the_first_thousand_rows_and_says_so() {
    let tree = Tree::new();
    let mut plan = String::from(
        "[plan]\nnumber = \"1/KH-BHXH\"\ntitle = \"Kế hoạch lớn\"\nissued = 2024-01-02\n",
    );
    // Tasks 1–1000 are due in 2025 (in hand on the day); 1001 and 1002 were due in the
    // first quarter of 2024 (overdue).
    for i in 1..=1002 {
        let deadline = if i > 1000 { "Quý I/2024" } else { "Năm 2025" };
        plan.push_str(&format!(
            "\n[[task]]\nid = \"{i}\"\ncontent = \"Việc số {i}\"\nlead = [\"CNTT\"]\nsupport = [\"PC\"]\ndeadline = \"{deadline}\"\n"
        ));
    }
    tree.file("1.toml", &plan);
    let out = tree.path().join("site");
    succeeds(
        tree.cmd(&["site", "--today", "2024-12-31", "--out"])
            .arg(&out),
    );
    let page = |code: &str| std::fs::read_to_string(out.join(format!("unit/{code}.html"))).unwrap();
    let tasks = |html: &str, table: &str| -> Vec<String> {
        let body = &html[html.find(&format!("<table id=\"{table}\">")).unwrap()..];
        let body = &body[..body.find("</table>").unwrap()];
        body.split("<td class=\"task nowrap\">")
            .skip(1)
            .map(|rest| rest[..rest.find('<').unwrap()].to_string())
            .collect()
    };

    let cntt = page("CNTT");
    assert_eq!(tasks(&cntt, "overdue"), ["1001", "1002"]);
    assert!(
        cntt.contains("(1002)</h2>"),
        "the heading counts every task"
    );
    // Overdue first, then the rest in the order `tasks` gives them: by due day, then by id
    // read as a number (the 1,000 shown picked from all 1,002 without sorting them all).
    let first_thousand: Vec<String> = ["1001", "1002"]
        .into_iter()
        .map(String::from)
        .chain((1..=998).map(|i| i.to_string()))
        .collect();
    assert_eq!(tasks(&cntt, "lead"), first_thousand);
    assert!(
        cntt.contains("1000 dòng đầu trong 1002; đủ cả trên trang từng kế hoạch (lọc theo CNTT)"),
        "the page says the list is cut short and where the rest are"
    );
    let pc = page("PC");
    assert_eq!(tasks(&pc, "support"), first_thousand);
    assert!(pc.contains("1000 dòng đầu trong 1002"));
    // The plan's own page lists every task.
    let plan_page = std::fs::read_to_string(out.join("plan/1-KH-BHXH.html")).unwrap();
    assert_eq!(tasks(&plan_page, "tasks").len(), 1002);
}
