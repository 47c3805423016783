//! Incrementality: which queries an edit re-runs, from the database's query log.

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
    let mut db = Database::new();
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
    assert_eq!(ran(&log, "function_signature"), vec!["middle"], "{log:#?}");
}

#[test]
fn body_edit_reruns_only_cheap_file_level_queries() {
    let (mut db, file) = setup();
    let log = edit(&mut db, file, "return n * 2", "return n * 2 + 0");
    let mut names: Vec<&str> = log
        .iter()
        .map(|entry| entry.split('(').next().unwrap_or(""))
        .collect();
    names.sort();
    names.dedup();
    // Everything that ran: the chunk split, the item tree, its location buckets and the
    // module scope (file-level, linear and cheap, backdated), and the edited body's queries.
    assert_eq!(
        names,
        vec![
            "chunk_items",
            "file_chunks",
            "function_body",
            "function_signature",
            "infer_function",
            "item_locations",
            "item_tree",
            "module_scope",
            "parse_chunk"
        ],
        "{log:#?}"
    );
    for query in ["function_body", "function_signature", "infer_function"] {
        assert_eq!(ran(&log, query), vec!["helper"], "{log:#?}");
    }
}

#[test]
fn signature_edit_reinfers_callers() {
    let (mut db, file) = setup();
    let log = edit(
        &mut db,
        file,
        "fn helper(n: i64) -> i64:",
        "fn helper(n: i64, k: i64 = 2) -> i64:",
    );
    let mut inferred = ran(&log, "infer_function");
    inferred.sort();
    assert_eq!(inferred, vec!["helper", "middle"], "{log:#?}");
}

#[test]
fn comment_edit_reinfers_nothing() {
    let (mut db, file) = setup();
    let log = edit(
        &mut db,
        file,
        "# a comment between items",
        "# a much longer comment between the two items",
    );
    assert_eq!(ran(&log, "infer_function"), Vec::<&str>::new(), "{log:#?}");
    assert_eq!(
        ran(&log, "function_signature"),
        Vec::<&str>::new(),
        "{log:#?}"
    );
}

#[test]
fn method_body_edit_reinfers_only_the_method() {
    let (mut db, file) = setup();
    let log = edit(
        &mut db,
        file,
        "return self.x * self.x + self.y * self.y",
        "return self.y * self.y + self.x * self.x",
    );
    assert_eq!(ran(&log, "infer_function"), vec!["Point.norm2"], "{log:#?}");
}
