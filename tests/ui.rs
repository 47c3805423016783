//! The UI suite: every `tests/ui/NAME.ml` against its `tests/ui/NAME.stderr` (see
//! `harness/ui.rs`), and the bookkeeping that keeps the suite honest: only registered codes,
//! and every registered code shown by at least one file.

use mlc_diagnostics::codes;
use mlc_tests::ui::{codes_in_snapshot, expected_files, run_ui_suite, ui_cases, ui_folder};
use std::collections::{BTreeMap, BTreeSet};

/// Codes of the registry that no UI file shows yet, each with the reason. The test prints
/// this list so the gap stays visible, and fails once a listed code gains a UI file, so the
/// list only shrinks.
const NOT_YET_COVERED: &[&str] = &[
    // The layout pass ends every file with NEWLINE and DEDENTs, so the parser reports a
    // construct cut short by the end of the file as E0001/E0010/E0020; nothing reaches E0012.
    "E0012",
];

#[test]
fn ui_files_match_their_expected_output() {
    match run_ui_suite(&ui_folder()) {
        Ok(count) => println!("{count} UI tests match"),
        Err(report) => panic!("{report}"),
    }
}

/// Which `.stderr` files show each code.
fn codes_shown() -> BTreeMap<String, Vec<String>> {
    let mut shown: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in expected_files(&ui_folder()) {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for code in codes_in_snapshot(&text) {
            shown.entry(code).or_default().push(name.clone());
        }
    }
    shown
}

#[test]
fn expected_files_name_only_registered_codes() {
    let unknown: Vec<String> = codes_shown()
        .into_iter()
        .filter(|(code, _)| codes::lookup(code).is_none())
        .map(|(code, files)| format!("{code} (in {})", files.join(", ")))
        .collect();
    assert!(unknown.is_empty(), "codes missing from codes.rs: {}", unknown.join("; "));
}

#[test]
fn every_expected_file_has_its_source() {
    let sources: BTreeSet<_> =
        ui_cases(&ui_folder()).into_iter().map(|case| case.expected_path).collect();
    let orphans: Vec<String> = expected_files(&ui_folder())
        .into_iter()
        .filter(|path| !sources.contains(path))
        .map(|path| path.display().to_string())
        .collect();
    assert!(orphans.is_empty(), ".stderr files without their .ml: {}", orphans.join(", "));
}

#[test]
fn every_registered_code_has_a_ui_test() {
    let shown = codes_shown();
    for code in NOT_YET_COVERED {
        assert!(
            codes::lookup(code).is_some(),
            "{code} in NOT_YET_COVERED is not a registered code"
        );
    }
    let mut missing = Vec::new();
    let mut newly_covered = Vec::new();
    for info in codes::ALL {
        let code = info.code.0;
        match (shown.contains_key(code), NOT_YET_COVERED.contains(&code)) {
            (false, false) => missing.push(format!("{code} ({})", info.title)),
            (true, true) => newly_covered.push(code),
            _ => {}
        }
    }
    println!(
        "{} of {} registered codes have a UI test; not yet covered ({}): {}",
        codes::ALL.iter().filter(|info| shown.contains_key(info.code.0)).count(),
        codes::ALL.len(),
        NOT_YET_COVERED.len(),
        NOT_YET_COVERED.join(" ")
    );
    assert!(
        missing.is_empty(),
        "registered codes without a UI test (write tests/ui/NAME.ml, or list the code in \
         NOT_YET_COVERED if nothing emits it yet):\n  {}",
        missing.join("\n  ")
    );
    assert!(
        newly_covered.is_empty(),
        "these codes have a UI test now: remove them from NOT_YET_COVERED: {}",
        newly_covered.join(" ")
    );
}
