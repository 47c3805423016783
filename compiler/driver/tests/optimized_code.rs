//! What `mlc build -O2` makes of patterns whose speed the benchmarks depend on, read in the
//! LLVM IR it emits (`--emit llvm`).

use std::path::PathBuf;
use std::process::Command;

/// The optimized LLVM IR of `source`.
fn optimized_llvm_ir(name: &str, source: &str) -> String {
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mlc-optimized-code");
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(name);
    std::fs::write(&path, source).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_mlc"))
        .args(["build", "-O2", "--emit", "llvm", "-o", "-"])
        .arg(&path)
        .output()
        .expect("the mlc executable runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("LLVM IR is text")
}

/// The body of the function `name` (from its `define` line to its closing brace).
fn function<'a>(ir: &'a str, name: &str) -> &'a str {
    let start = ir
        .find(&format!("@{name}("))
        .and_then(|at| ir[..at].rfind("define "))
        .unwrap_or_else(|| panic!("no function {name} in:\n{ir}"));
    let end = ir[start..].find("\n}\n").map_or(ir.len(), |end| start + end + 3);
    &ir[start..end]
}

/// A list index is checked by one compare and branch; the adjustment of a negative index
/// (`select` of `i + len` when `i < 0`) folds away for induction variables LLVM knows are not
/// negative: both indices of a swap loop running `i` up from 0 and `j` down to `i`, as in
/// fannkuch-redux's prefix reversal.
#[test]
fn index_checks_of_induction_variables_are_one_compare_each() {
    let ir = optimized_llvm_ir(
        "reverse.ml",
        "fn reverse(xs: List[i64], k: i64):\n    var i = 0\n    var j = k\n    while i < j:\n        \
         let t = xs[i]\n        xs[i] = xs[j]\n        xs[j] = t\n        i += 1\n        j -= 1\n\n\
         fn main():\n    var xs = [1, 2, 3, 4, 5]\n    reverse(xs, len(argv()) + 2)\n    print(xs)\n",
    );
    // `reverse` is inlined into `main`.
    let main = function(&ir, "main");
    assert!(!main.contains("select"), "a negative-index adjustment is left:\n{main}");
    // One check for `xs[i]` and one for `xs[j]`: the stores reuse the loads' checks.
    assert_eq!(main.matches("call void @mlc_list_get(").count(), 2, "{main}");
    assert!(!main.contains("@mlc_list_set("), "{main}");
}

/// A tail-recursive walk over a list of strings, with a string parameter and a variable
/// holding a string, is a loop in optimized builds: it makes no call, runs a
/// million steps deep (far more frames than a stack holds) and leaves nothing allocated.
#[test]
fn tail_recursion_over_reference_counted_values_is_a_loop() {
    let source = "fn count_matches(words: List[str], i: i64, word: str, found: i64) -> i64:\n    \
                  if i == len(words):\n        return found\n    var current = words[i].lower()\n    \
                  if current == word:\n        return count_matches(words, i + 1, word, found + 1)\n    \
                  return count_matches(words, i + 1, word, found)\n\n\
                  fn main():\n    var words = List[str]()\n    for k in range(1000000):\n        \
                  if k % 3 == 0:\n            words.append(\"Ab\")\n        else:\n            \
                  words.append(\"cd\")\n    print(count_matches(words, 0, \"ab\", 0))\n";
    // A loop, LLVM inlines it into `main`: no call of it is left anywhere.
    let ir = optimized_llvm_ir("count_matches.ml", source);
    assert!(!ir.contains("call i64 @count_matches("), "a call is left:\n{ir}");

    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mlc-optimized-code");
    let executable = folder.join("count_matches");
    let build = Command::new(env!("CARGO_BIN_EXE_mlc"))
        .args(["build", "-O2", "-o"])
        .arg(&executable)
        .arg(folder.join("count_matches.ml"))
        .output()
        .expect("the mlc executable runs");
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let run = Command::new(&executable)
        .env("MLC_CHECK_LEAKS", "1")
        .output()
        .expect("the built program runs");
    assert_eq!(
        (run.status.code(), String::from_utf8_lossy(&run.stdout).as_ref()),
        (Some(0), "333334\n"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}
