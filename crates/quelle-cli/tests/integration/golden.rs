//! Golden-file tests of the whole pipeline. `QUELLE_BLESS=1 cargo test` rewrites
//! the golden files from the current output; review the diff before committing.

use super::util::{quelle, repo_root};

fn check_golden(input: &str, golden: &str) {
    let input_path = repo_root().join(input);
    let out = quelle(
        &[
            "analyze",
            "--format",
            "json",
            "--pretty",
            input_path.to_str().unwrap(),
        ],
        b"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let actual = String::from_utf8(out.stdout).unwrap();
    compare_with_golden(&actual, golden);
}

/// Compares `actual` with the golden file `golden` (rewriting it under `QUELLE_BLESS`).
pub fn compare_with_golden(actual: &str, golden: &str) {
    let golden_path = repo_root()
        .join("crates/quelle-cli/tests/golden")
        .join(golden);
    if std::env::var_os("QUELLE_BLESS").is_some() {
        std::fs::write(&golden_path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&golden_path)
        .unwrap_or_else(|_| panic!("{} missing: run with QUELLE_BLESS=1", golden_path.display()));
    if actual != expected {
        let first = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or(actual.lines().count().min(expected.lines().count()));
        panic!(
            "output differs from {} at line {}:\n  actual:   {:?}\n  expected: {:?}\n(QUELLE_BLESS=1 to accept)",
            golden_path.display(),
            first + 1,
            actual.lines().nth(first),
            expected.lines().nth(first)
        );
    }
}

#[test]
fn flagship_pjoengjang_json() {
    check_golden("examples/pjoengjang.txt", "pjoengjang.json");
}
