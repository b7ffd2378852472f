//! The HTML report in a real browser: headless Chromium renders the flagship
//! report (screenshot kept as a CI artefact), the page logs nothing to the
//! console, its script runs, and every quotation is highlighted; hostile
//! article text creates no element or script.
//!
//! Skipped with `skipped: chromium not found` when no Chromium is installed;
//! `.ci/run` installs Debian's `chromium` first. `QUELLE_CHROMIUM` names another binary.

use super::util::{quelle, repo_root};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the screenshot of the flagship report is kept for CI.
const ARTEFACT: &str = "target/report-artifacts/pjoengjang.png";

fn chromium(test: &str) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("QUELLE_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    eprintln!(
        "{test}: skipped: chromium not found (install Debian's chromium, or set QUELLE_CHROMIUM)"
    );
    None
}

/// A fresh scratch directory for one test (its own browser profile too).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quelle-browser-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs headless Chromium on `page` with `extra` flags; returns (stdout, stderr).
fn run_chromium(bin: &Path, dir: &Path, page: &Path, extra: &[&str]) -> (String, String) {
    let out = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-extensions",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Writes the HTML report of `input` (a file path, or text on stdin) into `dir`.
fn report(dir: &Path, args: &[&str], stdin: &[u8]) -> PathBuf {
    let mut all = vec!["analyze", "--format", "html"];
    all.extend_from_slice(args);
    let out = quelle(&all, stdin);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = dir.join("report.html");
    std::fs::write(&page, &out.stdout).unwrap();
    page
}

/// Console messages Chromium logged (errors, warnings and logs alike: the page should log none).
fn console_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

#[test]
fn flagship_report_renders_in_chromium() {
    let Some(bin) = chromium("flagship_report_renders_in_chromium") else {
        return;
    };
    let dir = scratch("flagship");
    let input = repo_root().join("examples/pjoengjang.txt");
    let page = report(&dir, &[input.to_str().unwrap()], b"");

    let artefact = repo_root().join(ARTEFACT);
    std::fs::create_dir_all(artefact.parent().unwrap()).unwrap();
    let _ = std::fs::remove_file(&artefact);
    let (_, stderr) = run_chromium(
        &bin,
        &dir,
        &page,
        &[
            &format!("--screenshot={}", artefact.display()),
            "--window-size=1400,1900",
        ],
    );
    let png = std::fs::read(&artefact).expect("screenshot written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 50_000,
        "a real screenshot"
    );
    assert_eq!(console_lines(&stderr), Vec::<&str>::new());
    eprintln!("screenshot: {}", artefact.display());

    let (dom, stderr) = run_chromium(
        &bin,
        &dir,
        &page,
        &["--dump-dom", "--virtual-time-budget=2000"],
    );
    assert_eq!(console_lines(&stderr), Vec::<&str>::new());
    assert!(
        dom.contains("data-ready=\"1\""),
        "the report's script ran to the end"
    );
    let highlighted: BTreeSet<&str> = dom
        .split("class=\"q ")
        .skip(1)
        .filter_map(|s| s.split("data-quote=\"").nth(1))
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let json = quelle(
        &["analyze", "--format", "json", input.to_str().unwrap()],
        b"",
    );
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(highlighted.len(), v["quotes"].as_array().unwrap().len());
    assert!(dom.contains("id=\"warnings\""));

    // Opening the page at a quotation selects it and shows its card, as a click does.
    let at = format!("{}#q-4", page.display());
    let (dom, stderr) = run_chromium(
        &bin,
        &dir,
        Path::new(&at),
        &["--dump-dom", "--virtual-time-budget=2000"],
    );
    assert_eq!(console_lines(&stderr), Vec::<&str>::new());
    let card = dom
        .split("data-card=\"4\"")
        .nth(1)
        .expect("card of quotation 4");
    assert!(
        !card[..card.find('>').unwrap()].contains("hidden"),
        "card 4 shown"
    );
    assert!(
        dom.contains("data-card=\"3\" hidden"),
        "other cards stay hidden"
    );
    assert!(
        dom.contains(" sel\" data-quote=\"4\""),
        "quotation 4 selected"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hostile_article_text_stays_text_in_the_dom() {
    let Some(bin) = chromium("hostile_article_text_stays_text_in_the_dom") else {
        return;
    };
    let dir = scratch("hostile");
    let hostile = "Angriff <script>document.title='pwned'</script> auf den Bericht\n\n\
        Er sagte: „\"><img src=x onerror=\"document.title='pwned'\">“ und <b>fett</b>. \
        Laut <iframe src=\"data:text/html,x\"></iframe> sei <svg onload=\"alert(1)\"> alles gut. \
        Das ist skandalös </style><script>alert(2)</script>.\n";
    let page = report(&dir, &[], hostile.as_bytes());
    let (dom, stderr) = run_chromium(
        &bin,
        &dir,
        &page,
        &["--dump-dom", "--virtual-time-budget=2000"],
    );
    assert_eq!(console_lines(&stderr), Vec::<&str>::new());
    for tag in ["<img", "<iframe", "<svg", "<b>fett"] {
        assert!(!dom.contains(tag), "{tag} reached the DOM");
    }
    assert_eq!(
        dom.matches("<script").count(),
        1,
        "only the report's own script"
    );
    assert!(!dom.contains("<title>pwned"));
    assert!(dom.contains("data-ready=\"1\""));
    assert!(dom.contains("img src=x onerror="), "shown as text");
    let _ = std::fs::remove_dir_all(&dir);
}
