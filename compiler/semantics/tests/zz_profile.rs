use mlc_semantics::*;
use std::time::Instant;

fn profile_inner() {
    let text = big_program(2500);
    let t = Instant::now();
    let starts = source_chunks::chunk_starts(&text);
    for w in starts.windows(2) {
        let _ = mlc_syntax::parse(&text[w[0]..w[1]]);
    }
    println!("parse all chunks {:?}", t.elapsed());
    let t = Instant::now();
    let _ = mlc_syntax::parse(&text);
    println!("parse whole {:?}", t.elapsed());
    let mut db = Database::new();
    let file = db.add_file("big.ml", &text);
    let t = Instant::now();
    check_file(&db, file, CheckMode::Library);
    println!("full {:?}", t.elapsed());
    let text2 = text.replacen(
        "best = max(best, v)\n    return acc.total + step1249(",
        "best = max(best, v + 1.0)\n    return acc.total + step1249(",
        1,
    );
    db.set_file_text(file, &text2);
    let t = Instant::now();
    let chunks = source_chunks::file_chunks(&db, file);
    println!("file_chunks {:?} ({} chunks)", t.elapsed(), chunks.len());
    let t = Instant::now();
    let _ = source_chunks::chunk_starts(&text2);
    println!("  scan alone {:?}", t.elapsed());
    let t = Instant::now();
    let _ = item_tree::item_tree(&db, file);
    println!("item_tree {:?}", t.elapsed());
    let t = Instant::now();
    let _ = module_scope(&db, file);
    println!("module_scope {:?}", t.elapsed());
    let t = Instant::now();
    let functions = file_functions(&db, file);
    println!("file_functions {:?}", t.elapsed());
    let t = Instant::now();
    for f in &functions {
        let _ = function_body(&db, *f);
    }
    println!("function_body all {:?}", t.elapsed());
    let t = Instant::now();
    for f in &functions {
        let _ = function_body(&db, *f);
    }
    println!("function_body all again (memo hits) {:?}", t.elapsed());
    let t = Instant::now();
    for f in &functions {
        let _ = function_signature(&db, *f);
    }
    println!("function_signature all {:?}", t.elapsed());
    let t = Instant::now();
    for f in &functions {
        let _ = infer_function(&db, *f);
    }
    println!("infer all {:?}", t.elapsed());
    let t = Instant::now();
    check_file(&db, file, CheckMode::Library);
    println!("check_file after {:?}", t.elapsed());
}

/// A program of `functions` functions of twenty lines each (a typical size), calling each
/// other, a struct's methods, containers, strings and f-strings.
fn big_program(functions: usize) -> String {
    let mut text = String::from(
        "struct Acc:\n    total: f64\n    count: i64\n\n    fn add(mut self, x: f64):\n        self.total += x\n        self.count += 1\n\n",
    );
    for index in 0..functions {
        let callee = if index == 0 {
            "0.5".to_string()
        } else {
            format!("step{}(n - 1, x)", index - 1)
        };
        text.push_str(&format!(
            "# function number {index}
fn step{index}(n: i64, x: f64) -> f64:
    var acc = Acc(0.0, 0)
    for i in range(n):
        if i % 3 == 0:
            acc.add(f64(i) * x)
        elif i % 3 == 1:
            acc.add(x / 2.0)
        else:
            continue
    let values = [1.5, 2.5, x]
    var names = Dict[str, i64]()
    names[\"a\"] = names.get(\"a\", 0) + 1
    let label = f\"{{n}}: {{acc.total:.2f}}\"
    if len(label) > 100 and acc.count > 0:
        print(label, names)
    var best = values[0]
    for v in values:
        best = max(best, v)
    return acc.total + {callee} * best

"
        ));
    }
    text.push_str("fn main():\n    print(step0(10, 1.5))\n");
    text
}

#[test]
fn profile() {
    profile_inner();
}
