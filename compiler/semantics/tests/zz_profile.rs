use mlc_semantics::*;
use std::time::Instant;

#[test]
fn profile() {
    let mut text = String::new();
    for index in 0..5000 {
        text.push_str(&format!("# c\nfn step{index}(n: i64, x: f64) -> f64:\n    var acc = 0.0\n    for i in range(n):\n        if i % 3 == 0:\n            acc += f64(i) * x\n    let values = [1.5, 2.5, x]\n    let label = f\"{{n}}: {{acc:.2f}}\"\n    return acc * values[0]\n\n"));
    }
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
    let text2 = text.replacen("acc * values[0]", "acc * values[1] + 1.0", 1);
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
