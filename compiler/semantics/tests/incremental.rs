//! Incrementality: which queries an edit re-runs, from the database's query log.
//!
//! One effect of durabilities shows in these logs: the first edit of a chunk makes its text
//! `LOW` (it was `MEDIUM`, like every chunk of a new file; see `db.rs`), and salsa counts a
//! result that became less durable as changed even when it is equal. So that first edit
//! re-runs, once, what reads the chunk's bodies: its functions' inference, and the callers
//! of its methods (whose signatures are read from their trees). Tests about what later
//! edits re-run start with a first edit of the chunk ([`touch`]).

mod support;

use mlc_semantics::{check_file, CheckMode, Database};

const BEFORE: &str = "\
struct Point:
    x: f64
    y: f64

    fn norm2(self) -> f64:
        return self.x * self.x + self.y * self.y

fn helper(n: i64) -> i64:
    return n * 2

fn middle(n: i64) -> i64:
    let doubled = helper(n)
    return doubled + 1

# a comment between items
fn last() -> f64:
    let p = Point(1.0, 2.0)
    return p.norm2()

fn main():
    print(middle(3), last())
";

fn setup() -> (Database, mlc_semantics::SourceFile) {
    let mut db = Database::with_query_log();
    let file = db.add_file("main.ml", BEFORE);
    assert_eq!(check_file(&db, file, CheckMode::Program), Vec::new());
    db.enable_query_log();
    (db, file)
}

/// Queries of `name` that ran, as their keys.
fn ran<'a>(log: &'a [String], name: &str) -> Vec<&'a str> {
    let prefix = format!("{name}(");
    log.iter()
        .filter_map(|entry| entry.strip_prefix(&prefix))
        .map(|rest| rest.trim_end_matches(')'))
        .collect()
}

/// The distinct names of the queries that ran.
fn query_names(log: &[String]) -> Vec<&str> {
    let mut names: Vec<&str> =
        log.iter().map(|entry| entry.split('(').next().unwrap_or("")).collect();
    names.sort();
    names.dedup();
    names
}

/// A first edit of the chunk holding `line` (a blank line added after it).
fn touch(db: &mut Database, file: mlc_semantics::SourceFile, line: &str) {
    edit(db, file, line, &format!("{line}\n"));
}

fn edit(db: &mut Database, file: mlc_semantics::SourceFile, from: &str, to: &str) -> Vec<String> {
    let text = file.text(db).clone();
    assert!(text.contains(from), "{from:?} not in the text");
    db.set_file_text(file, &text.replacen(from, to, 1));
    let diagnostics = check_file(db, file, CheckMode::Program);
    assert_eq!(diagnostics, Vec::new(), "the edit introduced diagnostics");
    db.take_query_log()
}

#[test]
fn body_edit_reinfers_only_that_function() {
    let (mut db, file) = setup();
    // Longer body: every later function moves.
    let log = edit(
        &mut db,
        file,
        "    let doubled = helper(n)\n",
        "    let doubled = helper(n + 1) * helper(n)\n",
    );
    assert_eq!(ran(&log, "infer_function"), vec!["middle"], "{log:#?}");
    assert_eq!(ran(&log, "parse_chunk"), vec!["fn middle"], "{log:#?}");
    // The signature is read from the declaration, which the edit did not change.
    assert_eq!(ran(&log, "function_signature"), Vec::<&str>::new(), "{log:#?}");
}

#[test]
fn body_edit_reruns_only_the_edited_chunks_queries() {
    let (mut db, file) = setup();
    let log = edit(&mut db, file, "return n * 2", "return n * 2 + 0");
    // The first edit of a chunk also records what it declares as an input: `chunk_items`
    // re-runs once, reading it, and backdates. The item tree, the module scope, the
    // module-level checks and the signature do not re-run.
    assert_eq!(
        query_names(&log),
        vec![
            "block_diagnostics",
            "chunk_diagnostics",
            "chunk_items",
            "function_body",
            "infer_function",
            "parse_chunk"
        ],
        "{log:#?}"
    );
    for query in ["function_body", "infer_function"] {
        assert_eq!(ran(&log, query), vec!["helper"], "{log:#?}");
    }
    for query in ["parse_chunk", "chunk_items", "chunk_diagnostics"] {
        assert_eq!(ran(&log, query), vec!["fn helper"], "{log:#?}");
    }

    // Typing on: the edited chunk's parse and diagnostics (and its block's), the body and
    // its inference.
    let log = edit(&mut db, file, "return n * 2 + 0", "return n * 2 + 00");
    assert_eq!(
        query_names(&log),
        vec![
            "block_diagnostics",
            "chunk_diagnostics",
            "function_body",
            "infer_function",
            "parse_chunk"
        ],
        "{log:#?}"
    );
    assert_eq!(ran(&log, "infer_function"), vec!["helper"], "{log:#?}");
}

#[test]
fn signature_edit_reinfers_callers() {
    let (mut db, file) = setup();
    let log =
        edit(&mut db, file, "fn helper(n: i64) -> i64:", "fn helper(n: i64, k: i64 = 2) -> i64:");
    let mut inferred = ran(&log, "infer_function");
    inferred.sort();
    assert_eq!(inferred, vec!["helper", "middle"], "{log:#?}");
    assert_eq!(ran(&log, "function_signature"), vec!["helper"], "{log:#?}");
}

#[test]
fn comment_edit_reinfers_nothing() {
    let (mut db, file) = setup();
    touch(&mut db, file, "# a comment between items");
    let log = edit(
        &mut db,
        file,
        "# a comment between items",
        "# a much longer comment between the two items",
    );
    assert_eq!(ran(&log, "parse_chunk"), vec!["fn middle"], "{log:#?}");
    assert_eq!(ran(&log, "infer_function"), Vec::<&str>::new(), "{log:#?}");
    assert_eq!(ran(&log, "function_signature"), Vec::<&str>::new(), "{log:#?}");
}

#[test]
fn comment_edit_inside_a_body_reinfers_nothing() {
    let (mut db, file) = setup();
    touch(&mut db, file, "    return p.norm2()");
    let log = edit(
        &mut db,
        file,
        "    return p.norm2()\n",
        "    return p.norm2()  # the length, squared\n",
    );
    // The chunk is parsed again, but the function's tree is the same: its body backdates.
    assert_eq!(ran(&log, "parse_chunk"), vec!["fn last"], "{log:#?}");
    assert_eq!(ran(&log, "function_body"), vec!["last"], "{log:#?}");
    assert_eq!(ran(&log, "infer_function"), Vec::<&str>::new(), "{log:#?}");
}

#[test]
fn method_body_edit_reinfers_only_the_method() {
    let (mut db, file) = setup();
    let first = edit(&mut db, file, "return self.x * self.x", "return self.x * self.x + 0.0");
    // A method's signature is read from its tree: on the first edit it re-runs, and its
    // callers with it (once; see the module documentation).
    let mut inferred = ran(&first, "infer_function");
    inferred.sort();
    assert_eq!(inferred, vec!["Point.norm2", "last"], "{first:#?}");

    let log = edit(
        &mut db,
        file,
        "return self.x * self.x + 0.0 + self.y * self.y",
        "return self.y * self.y + self.x * self.x",
    );
    assert_eq!(ran(&log, "infer_function"), vec!["Point.norm2"], "{log:#?}");
}

#[test]
fn adding_a_function_parses_only_the_new_chunk() {
    let (mut db, file) = setup();
    let log = edit(&mut db, file, "fn middle(", "fn added() -> i64:\n    return 7\n\nfn middle(");
    assert_eq!(ran(&log, "parse_chunk"), vec!["fn added"], "{log:#?}");
    // A new name changes the module scope, which every body reads.
    assert!(ran(&log, "infer_function").contains(&"added"), "{log:#?}");
}

#[test]
fn renaming_a_function_rebuilds_the_item_tree() {
    let (mut db, file) = setup();
    let text = file.text(&db).clone();
    db.set_file_text(file, &text.replace("fn last() -> f64:", "fn final() -> f64:"));
    let diagnostics = check_file(&db, file, CheckMode::Program);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert!(diagnostics[0].message.contains("`last`"), "{diagnostics:#?}");
    let log = db.take_query_log();
    assert!(ran(&log, "item_tree").contains(&"main.ml"), "{log:#?}");
    // Of this file, only the renamed chunk is parsed (the standard library's modules are,
    // for the first time, to suggest a name for `last`).
    let parsed = ran(&log, "parse_chunk");
    assert!(parsed.contains(&"fn final"), "{log:#?}");
    for other in ["struct Point", "fn helper", "fn middle", "fn main"] {
        assert!(!parsed.contains(&other), "{log:#?}");
    }
}
