//! `mlc explain CODE`: the registry's title and explanation of one diagnostic code.

use crate::{exit_code, paint_level, Level, Streams};
use mlc_diagnostics::codes;
use mlc_diagnostics::render::ColorChoice;

/// Prints `E0201: title`, a blank line and the explanation to stdout; an unknown code is
/// an error on stderr.
pub fn explain(code: &str, color: ColorChoice, streams: &mut Streams<'_>) -> i32 {
    match codes::lookup(code.trim()) {
        Some(info) => {
            writeln!(streams.stdout, "{}: {}\n\n{}", info.code, info.title, info.explanation).ok();
            exit_code::SUCCESS
        }
        None => {
            let error = paint_level(Level::Error, color);
            writeln!(
                streams.stderr,
                "{error}: `{code}` is not a diagnostic code of mlc\n\
                 note: codes look like `E0201` (errors) or `W0502` (warnings); each diagnostic \
                 shows its code in brackets"
            )
            .ok();
            exit_code::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;

    fn run(code: &str) -> (String, String, i32) {
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let status = explain(
            code,
            ColorChoice::Never,
            &mut Streams { stdout: &mut stdout, stderr: &mut stderr },
        );
        (String::from_utf8(stdout).unwrap(), String::from_utf8(stderr).unwrap(), status)
    }

    #[test]
    fn explains_a_known_code_in_any_case() {
        let (stdout, stderr, status) = run("e0201");
        expect![[r#"
            E0201: no implicit conversion between numeric types

            Native numbers never convert silently: `i64 + f64` needs a cast such as `f64(n)`.
        "#]]
        .assert_eq(&stdout);
        assert_eq!((stderr.as_str(), status), ("", exit_code::SUCCESS));
    }

    #[test]
    fn an_unknown_code_is_an_error() {
        let (stdout, stderr, status) = run("E9999");
        assert_eq!((stdout.as_str(), status), ("", exit_code::FAILURE));
        assert!(stderr.starts_with("error: `E9999` is not a diagnostic code of mlc"), "{stderr}");
    }
}
