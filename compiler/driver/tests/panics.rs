//! Every kind of panic, and an error never caught, through both back ends: the exact
//! message on stderr (with the file, line and column of the operation), exit code 1, and the
//! output printed before it flushed to stdout.

use std::path::Path;
use std::process::Command;

struct Case {
    name: &'static str,
    program: &'static str,
    /// The lines stderr must hold (`{file}` is the program's path).
    stderr: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        name: "list_index",
        program: "fn main():\n    let xs = [1, 2, 3]\n    print(\"before\")\n    print(xs[5])\n",
        stderr: &["panic: index out of range: 5 (length 3)", "  --> {file}:4:11"],
    },
    Case {
        name: "str_index",
        program: "fn main():\n    let s = \"abc\"\n    print(\"before\")\n    print(s[-4])\n",
        stderr: &["panic: index out of range: -4 (length 3)", "  --> {file}:4:11"],
    },
    Case {
        name: "tensor_index",
        program: "from tensor import zeros\n\nfn main():\n    let t = zeros[f64]([2, 3])\n    print(\"before\")\n    print(t[1, 3])\n",
        stderr: &["panic: index out of range: 3 (dimension 1 of length 3)", "  --> {file}:6:11"],
    },
    Case {
        name: "division",
        program: "fn div(a: i64, b: i64) -> i64:\n    return a // b\n\nfn main():\n    print(\"before\")\n    print(div(7, 0))\n",
        stderr: &["panic: division by zero", "  --> {file}:2:12"],
    },
    Case {
        // Optimized builds turn the recursion into loops and copy it into itself: the
        // panic still names the division.
        name: "division_in_recursion",
        program: "fn halve_down(n: i64, d: i64) -> i64:\n    if n < 100:\n        return n // d\n    return halve_down(n // 2, d) + 1\n\nfn main():\n    print(\"before\")\n    print(halve_down(1000000, 0))\n",
        stderr: &["panic: division by zero", "  --> {file}:3:16"],
    },
    Case {
        // Not a tail call, so no back end or -O level makes it a loop: every way runs out
        // of stack, and reports it the same way (no location: the handler cannot know it).
        name: "stack_overflow",
        program: "fn depth(n: i64) -> i64:\n    if n == 0:\n        return 0\n    let d = depth(n - 1)\n    return d * d + 1\n\nfn main():\n    print(\"before\")\n    print(depth(-1))\n",
        stderr: &["panic: stack overflow: calls nested deeper than the stack allows (a recursion without an end?)"],
    },
    Case {
        name: "modulo",
        program: "fn rem(a: i64, b: i64) -> i64:\n    return a % b\n\nfn main():\n    print(\"before\")\n    print(rem(7, 0))\n",
        stderr: &["panic: division by zero", "  --> {file}:2:12"],
    },
    Case {
        name: "assert_with_message",
        program: "fn main():\n    let n = 3\n    print(\"before\")\n    assert n > 5, \"n is too small\"\n",
        stderr: &["panic: assertion failed: n is too small", "  --> {file}:4:5"],
    },
    Case {
        name: "assert_without_message",
        program: "fn main():\n    let n = 3\n    print(\"before\")\n    assert n > 5\n",
        stderr: &["panic: assertion failed", "  --> {file}:4:5"],
    },
    Case {
        name: "uncaught_error",
        program: "fn load(name: str) -> str:\n    raise Error(\"no such file: \" + name)\n\nfn main():\n    print(\"before\")\n    print(load(\"a.txt\"))\n",
        stderr: &["error: no such file: a.txt", "  --> {file}:2:5"],
    },
    Case {
        name: "missing_dict_key",
        program: "fn main():\n    let d = {\"a\": 1}\n    print(\"before\")\n    print(d[\"b\"])\n",
        stderr: &["error: KeyError: 'b'", "  --> {file}:4:11"],
    },
];

/// Integer overflow panics only in unoptimized builds; optimized ones wrap.
const OVERFLOW: &str = "fn grow(x: i64) -> i64:\n    return x * 4\n\nfn main():\n    print(\"before\")\n    print(grow(4611686018427387904))\n";

fn mlc() -> Command {
    Command::new(env!("CARGO_BIN_EXE_mlc"))
}

/// `(stdout, stderr, exit code)` of the program at `path`, run one way.
fn run(path: &Path, llvm: bool, opt_level: u8) -> (String, String, i32) {
    let output = if llvm {
        let executable = path.with_extension(format!("O{opt_level}"));
        let build = mlc()
            .args(["build", "--color=never", &format!("-O{opt_level}"), "-o"])
            .arg(&executable)
            .arg(path)
            .output()
            .expect("mlc starts");
        assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
        Command::new(&executable).output().expect("the program starts")
    } else {
        mlc()
            .args(["run", "--color=never", &format!("-O{opt_level}")])
            .arg(path)
            .output()
            .expect("mlc starts")
    };
    (
        String::from_utf8_lossy(&output.stdout).to_string(),
        String::from_utf8_lossy(&output.stderr).to_string(),
        output.status.code().unwrap_or(-1),
    )
}

fn scratch(name: &str) -> std::path::PathBuf {
    let folder = std::env::temp_dir().join(format!("mlc-panics-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("a scratch folder");
    folder
}

#[test]
fn every_panic_kind_reports_its_message_and_location_in_both_back_ends() {
    let folder = scratch("kinds");
    let mut failures = Vec::new();
    for case in CASES {
        let path = folder.join(format!("{}.ml", case.name));
        std::fs::write(&path, case.program).expect("the program is written");
        for (llvm, opt_level) in [(false, 0), (false, 2), (true, 0), (true, 2)] {
            let (stdout, stderr, code) = run(&path, llvm, opt_level);
            let way = format!("{} (llvm: {llvm}, -O{opt_level})", case.name);
            if stdout != "before\n" {
                failures.push(format!("{way}: stdout {stdout:?}"));
            }
            if code != 1 {
                failures.push(format!("{way}: exit code {code}"));
            }
            for line in case.stderr {
                let line = line.replace("{file}", &path.display().to_string());
                if !stderr.lines().any(|l| l == line) {
                    failures.push(format!("{way}: stderr lacks {line:?}:\n{stderr}"));
                }
            }
        }
    }
    std::fs::remove_dir_all(&folder).ok();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn integer_overflow_panics_unoptimized_and_wraps_optimized() {
    let folder = scratch("overflow");
    let path = folder.join("overflow.ml");
    std::fs::write(&path, OVERFLOW).expect("the program is written");
    for llvm in [false, true] {
        let (stdout, stderr, code) = run(&path, llvm, 0);
        assert_eq!((stdout.as_str(), code), ("before\n", 1), "llvm: {llvm}\n{stderr}");
        let location = format!("  --> {}:2:12", path.display());
        assert!(
            stderr.contains("panic: integer overflow") && stderr.contains(&location),
            "{stderr}"
        );
        let (stdout, _, code) = run(&path, llvm, 2);
        assert_eq!((stdout.as_str(), code), ("before\n0\n", 0), "llvm: {llvm}");
    }
    std::fs::remove_dir_all(&folder).ok();
}
