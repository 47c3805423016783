//! Lowering is incremental: after an edit, only the functions whose bodies changed are
//! lowered again (from the database's query log).

use mlc_semantics::{check_file, CheckMode, Database, SourceFile};

const PROGRAM: &str = "\
fn helper(n: i64) -> i64:
    return n * 2

fn twice[T: Numeric](x: T) -> T:
    return x + x

fn middle(n: i64) -> i64:
    return helper(n) + twice(n)

fn main():
    print(middle(3), twice(1.5))
";

fn lowered_after(db: &mut Database, file: SourceFile, from: &str, to: &str) -> Vec<String> {
    let text = file.text(db).clone();
    db.set_file_text(file, &text.replacen(from, to, 1));
    assert!(check_file(db, file, CheckMode::Program).is_empty());
    db.take_query_log();
    mlc_lower::lower_file(db, file);
    db.take_query_log().into_iter().filter(|entry| entry.starts_with("lower_function")).collect()
}

#[test]
fn a_body_edit_relowers_only_that_function() {
    let mut db = Database::with_query_log();
    let file = db.add_file("main.ml", PROGRAM);
    db.enable_query_log();
    assert!(check_file(&db, file, CheckMode::Program).is_empty());
    let first = mlc_ir::print_module(&mlc_lower::lower_file(&db, file));
    let all: Vec<String> =
        db.take_query_log().into_iter().filter(|e| e.starts_with("lower_function")).collect();
    // helper, middle, main, and the two instances of `twice`.
    assert_eq!(all.len(), 5, "{all:#?}");

    // A first edit of the chunk makes its text less durable (see the semantics crate's
    // incremental tests); after it, an edit re-lowers only the edited function.
    lowered_after(&mut db, file, "return n * 2", "return n * 2 + 0");
    let relowered = lowered_after(&mut db, file, "return n * 2 + 0", "return n * 3");
    assert_eq!(relowered.len(), 1, "{relowered:#?}");
    let second = mlc_ir::print_module(&mlc_lower::lower_file(&db, file));
    assert_ne!(first, second);
    assert!(second.contains("value = 3 : i64"), "{second}");

    // An edit that adds a line to `helper` moves every later function; locations are
    // chunk-relative inside the query, so only `helper` is lowered again, yet the assembled
    // locations of the others move.
    assert!(second.contains("loc(\"main.ml\":11:5)"), "{second}");
    let moved = lowered_after(&mut db, file, "    return n * 3", "    let m = n\n    return m * 3");
    assert_eq!(moved.len(), 1, "{moved:#?}");
    let third = mlc_ir::print_module(&mlc_lower::lower_file(&db, file));
    assert!(third.contains("loc(\"main.ml\":12:5)"), "{third}");
}
