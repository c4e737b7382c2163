//! PETRARCH 2's own unit-test suite, coded with its validation dictionaries alone
//! (`--only-imported`). The floors are what kestrel reaches; the test fails if coding gets worse.
//! PETRARCH 2 itself reproduces 119 of the 359 expected events at 54% precision.

use std::path::PathBuf;

use kestrel::dictionaries::{Dictionaries, DictionaryFiles};
use kestrel::eval::{evaluate, read_gold, render, Level};

/// Exact (source, target, code) matches reached; raise it when coding improves.
const MATCHED_FLOOR: usize = 302;
/// Exact-level precision reached, in percent.
const PRECISION_FLOOR: f64 = 90.5;

fn petrarch() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peers/petrarch2")
}

#[test]
fn unit_test_records_with_validation_dictionaries() {
    let dir = petrarch().join("dictionaries");
    if !dir.is_dir() {
        eprintln!("skipping: {} not found", dir.display());
        return;
    }
    let files = DictionaryFiles {
        verbs: vec![dir.join("PETR.Validate.verbs.txt")],
        actors: vec![dir.join("PETR.Validate.actors.txt")],
        agents: vec![dir.join("PETR.Validate.agents.txt")],
        discards: vec![dir.join("PETR.Validate.discards.txt")],
        only_imported: true,
    };
    let dicts = Dictionaries::load(&files).expect("the validation dictionaries are readable");
    let gold = petrarch().join("text/PETR.UnitTest.records.xml");
    let bytes = std::fs::read(&gold).expect("the unit-test records are readable");
    let (cases, warnings) = read_gold("PETR.UnitTest.records.xml", &bytes);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(cases.len(), 281, "records of the included categories");
    let report = evaluate(&dicts.coder(), &cases);
    let exact = report.levels[&Level::Exact];
    println!("{}", render(&report));
    assert_eq!(exact.expected, 355);
    assert!(
        exact.matched >= MATCHED_FLOOR,
        "exact matches fell to {} (floor {MATCHED_FLOOR})",
        exact.matched
    );
    assert!(
        100.0 * exact.precision() >= PRECISION_FLOOR,
        "precision fell to {:.1}% (floor {PRECISION_FLOOR}%)",
        100.0 * exact.precision()
    );
}
