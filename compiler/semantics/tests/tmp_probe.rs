use mlc_semantics::{check_file, CheckMode, Database};
use std::time::{Duration, Instant};
#[path = "../../../benchmarks/src/generated_program.rs"]
mod generated_program;

fn timed(db: &mut Database, file: mlc_semantics::SourceFile, text: &str) -> Duration {
    let start = Instant::now();
    db.set_file_text(file, text);
    let d = check_file(db, file, CheckMode::Program);
    let t = start.elapsed();
    assert!(d.iter().all(|d| !d.is_error()), "{:?}", d.first());
    t
}

fn run(mut db: Database, label: &str) {
    let program = generated_program::generate(50_000);
    let text = program.text.clone();
    let start = Instant::now();
    let file = db.add_file("g.ml", &text);
    check_file(&db, file, CheckMode::Program);
    println!("[{label}] full: {:?}", start.elapsed());
    let at = program.edit_offset;
    let line_end = at + text[at..].find('\n').unwrap();
    let edit = |text: &str, value: usize| format!("{}    var acc = {value}{}", &text[..at], &text[line_end..]);
    let t1 = edit(&text, 1);
    println!("[{label}] first edit of a function: {:?}", timed(&mut db, file, &t1));
    let mut times = vec![];
    let mut current = t1.clone();
    for v in 2..30 { current = edit(&text, v * 37 % 1000); times.push(timed(&mut db, file, &current)); }
    times.sort();
    println!("[{label}] further edits, median: {:?}", times[times.len() / 2]);
    // another function, early in the file
    let other = current.find("fn compute_10(").unwrap();
    let other_line = other + current[other..].find('\n').unwrap() + 1;
    let other_end = other_line + current[other_line..].find('\n').unwrap();
    let t2 = format!("{}    var acc = 5{}", &current[..other_line], &current[other_end..]);
    println!("[{label}] first edit of another function: {:?}", timed(&mut db, file, &t2));
    let t3 = format!("{}    var acc = 6{}", &current[..other_line], &current[other_end..]);
    println!("[{label}] its second edit: {:?}", timed(&mut db, file, &t3));
    let t4 = t3.replacen("fn compute_10(", "fn added_function() -> i64:\n    return 1\n\nfn compute_10(", 1);
    println!("[{label}] adding a function: {:?}", timed(&mut db, file, &t4));
    let t5 = t4.replacen("fn added_function()", "fn renamed_function()", 1);
    println!("[{label}] renaming it: {:?}", timed(&mut db, file, &t5));
    let t6 = t5.replacen("fn compute_10(n: i64)", "fn compute_10(n: i64, k: i64 = 0)", 1);
    println!("[{label}] a signature edit: {:?}", timed(&mut db, file, &t6));
}

#[test]
fn probe() {
    run(Database::new(), "no hook");
    run(Database::with_query_log(), "hook installed, not recording");
}
