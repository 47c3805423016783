# Covers: main returning an i64 that becomes the process exit code, after printing
# Exit: 3

fn count_failures(results: List[bool]) -> i64:
    var failures = 0
    for ok in results:
        if not ok:
            failures += 1
    return failures

fn main() -> i64:
    let failures = count_failures([True, False, True, False, False])
    print("failures:", failures)
    return failures
