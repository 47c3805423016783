//! What the pass tests share: run passes over IR text, insisting that the input and every
//! intermediate result verify, and print the functions for an `expect!` snapshot.
#![allow(dead_code)]

use expect_test::Expect;
use mlc_ir::{parse_module, print_module, verify, Module, Registry};
use mlc_transforms::pass_by_name;

/// Parses `functions` (the ops of a module's body) with every dialect; the module must
/// verify.
pub fn parse(functions: &str) -> Module {
    let text = format!("builtin.module ({{\n{functions}\n}})\n");
    let module = parse_module(&text, &Registry::with_all_dialects())
        .unwrap_or_else(|error| panic!("the input does not parse: {error}\n{text}"));
    assert_verifies(&module, "the input");
    module
}

pub fn assert_verifies(module: &Module, what: &str) {
    if let Err(errors) = verify(module) {
        let errors: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        panic!("{what} does not verify:\n{}\n{}", errors.join("\n"), print_module(module));
    }
}

/// Runs the passes named `passes` in order, verifying after each one.
pub fn run(module: &mut Module, passes: &[&str]) {
    for name in passes {
        let pass = pass_by_name(name).unwrap_or_else(|| panic!("no pass named {name}"));
        pass.run(module).unwrap_or_else(|message| panic!("{name} failed: {message}"));
        assert_verifies(module, &format!("the result of {name}"));
    }
}

/// The module's functions as printed, without the `builtin.module` around them.
pub fn print_functions(module: &Module) -> String {
    let text = print_module(module);
    let lines: Vec<&str> = text.lines().collect();
    // `builtin.module ({`, `^bb0:` ... `})`
    let body = &lines[2..lines.len() - 1];
    body.iter().map(|line| format!("{}\n", line.strip_prefix("  ").unwrap_or(line))).collect()
}

/// Runs `passes` over `functions` and compares the printed functions with `expect`.
pub fn check(passes: &[&str], functions: &str, expect: Expect) {
    let mut module = parse(functions);
    run(&mut module, passes);
    expect.assert_eq(&print_functions(&module));
}
