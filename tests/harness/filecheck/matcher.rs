//! Matching directives against the input, in FileCheck's order (`FileCheck::checkInput`,
//! `CheckString::Check`, `CheckDag`, `CheckNot`), and the failure messages.
//!
//! The directives are grouped into steps: each positive directive (`CHECK`, `-NEXT`, `-SAME`,
//! `-EMPTY`, `-LABEL`, `-COUNT-n`) with the `-DAG`/`-NOT` directives written before it, and a
//! last step "end of input" carrying trailing `-DAG`/`-NOT`s. A step first matches its DAG
//! groups (each `-NOT` between two groups looks between them), then its own pattern after
//! the last DAG match, then checks its `-NOT`s in the text it skipped and, for `-NEXT`,
//! `-SAME` and `-EMPTY`, how many newlines it skipped.

use super::pattern::{Match, Variables};
use super::{Directive, Kind};

struct Step<'d> {
    /// `None`: the end of the input (for trailing `-DAG`/`-NOT`s).
    positive: Option<&'d Directive>,
    dags_and_nots: Vec<&'d Directive>,
}

struct Matcher<'a> {
    check_path: &'a str,
    input: &'a str,
    variables: Variables,
}

/// Runs every directive over `input` (already canonicalized). `Err` holds every failure,
/// one per label block at most (as FileCheck, a failure ends its block only).
pub fn run(check_path: &str, directives: &[Directive], input: &str) -> Result<(), String> {
    let steps = steps(directives);
    let mut matcher = Matcher { check_path, input, variables: Variables::new() };
    let mut failures = Vec::new();
    let mut block_start = 0;
    let mut first_step = 0;
    while first_step < steps.len() {
        let label = (first_step..steps.len())
            .find(|&index| steps[index].positive.is_some_and(|d| d.kind == Kind::Label));
        let (block_end, steps_end) = match label {
            Some(index) => {
                let label = steps[index].positive.expect("a label step");
                match matcher.match_directive(label, block_start, input.len()) {
                    Ok(found) => (found.end, index + 1),
                    Err(message) => {
                        failures.push(message);
                        break;
                    }
                }
            }
            None => (input.len(), steps.len()),
        };
        let mut position = block_start;
        for step in &steps[first_step..steps_end] {
            match matcher.check_step(step, position, block_end) {
                Ok(end) => position = end,
                Err(message) => {
                    failures.push(message);
                    break;
                }
            }
        }
        block_start = block_end;
        first_step = steps_end;
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n"))
    }
}

fn steps(directives: &[Directive]) -> Vec<Step<'_>> {
    let mut steps = Vec::new();
    let mut pending = Vec::new();
    for directive in directives {
        if matches!(directive.kind, Kind::Dag | Kind::Not) {
            pending.push(directive);
        } else {
            steps.push(Step {
                positive: Some(directive),
                dags_and_nots: std::mem::take(&mut pending),
            });
        }
    }
    if !pending.is_empty() {
        steps.push(Step { positive: None, dags_and_nots: pending });
    }
    steps
}

impl Matcher<'_> {
    /// Checks one step in `input[start..end]`; returns the end of its match.
    fn check_step(&mut self, step: &Step<'_>, start: usize, end: usize) -> Result<usize, String> {
        let mut nots = Vec::new();
        let after_dags = self.check_dags(&step.dags_and_nots, start, end, &mut nots)?;
        let Some(directive) = step.positive else {
            self.check_nots(&nots, after_dags, end)?;
            return Ok(end);
        };
        let found = self.match_directive(directive, after_dags, end)?;
        let skipped = &self.input[after_dags..found.start];
        let newlines = skipped.matches('\n').count();
        let problem = match directive.kind {
            Kind::Next | Kind::Empty if newlines == 0 => {
                Some("is on the same line as previous match")
            }
            Kind::Next | Kind::Empty if newlines > 1 => {
                Some("is not on the line after the previous match")
            }
            Kind::Same if newlines > 0 => Some("is not on the same line as the previous match"),
            _ => None,
        };
        if let Some(problem) = problem {
            let mut message = self.error(directive, problem);
            message.push_str(&self.note(found.start, "'next' match was here"));
            message.push_str(&self.note(after_dags, "previous match ended here"));
            return Err(message);
        }
        self.check_nots(&nots, after_dags, found.start)?;
        Ok(found.end)
    }

    /// Finds a positive directive's pattern in `input[from..end]` and records its variables.
    fn match_directive(
        &mut self,
        directive: &Directive,
        from: usize,
        end: usize,
    ) -> Result<Match, String> {
        match directive.kind {
            Kind::Empty => {
                let text = &self.input[..end];
                let empty_line = (from..end).find(|&at| {
                    text.as_bytes()[at] == b'\n'
                        && (at + 1 == end || text.as_bytes()[at + 1] == b'\n')
                });
                match empty_line {
                    Some(at) => Ok(Match { start: at + 1, end: at + 1, definitions: Vec::new() }),
                    None => Err(self.not_found(directive, from, end, "")),
                }
            }
            Kind::Count(count) => {
                let mut first = None;
                let mut position = from;
                for found_so_far in 0..count {
                    let Some(found) = self.find(directive, position, end)? else {
                        let detail = format!(" ({found_so_far} of {count} found)");
                        return Err(self.not_found(directive, position, end, &detail));
                    };
                    first.get_or_insert(found.start);
                    position = found.end;
                }
                Ok(Match {
                    start: first.expect("a count is at least 1"),
                    end: position,
                    definitions: Vec::new(),
                })
            }
            _ => match self.find(directive, from, end)? {
                Some(found) => Ok(found),
                None => Err(self.not_found(directive, from, end, "")),
            },
        }
    }

    /// The pattern's next match, its variables recorded.
    fn find(
        &mut self,
        directive: &Directive,
        from: usize,
        end: usize,
    ) -> Result<Option<Match>, String> {
        let found = directive
            .pattern
            .find(self.input, from, end, &self.variables)
            .map_err(|problem| self.error(directive, &problem))?;
        if let Some(found) = &found {
            self.record(found);
        }
        Ok(found)
    }

    fn record(&mut self, found: &Match) {
        for (name, value) in &found.definitions {
            self.variables.insert(name.clone(), value.clone());
        }
    }

    /// FileCheck's `CheckDag`: matches the `-DAG` groups of `directives` from `start`;
    /// collects into `nots` the `-NOT`s after the last group. Returns where the positive
    /// directive's search starts.
    fn check_dags<'d>(
        &mut self,
        directives: &[&'d Directive],
        start: usize,
        end: usize,
        nots: &mut Vec<&'d Directive>,
    ) -> Result<usize, String> {
        let mut group_start = start;
        // Sorted, non-overlapping matches of the current group.
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for (index, directive) in directives.iter().enumerate() {
            if directive.kind == Kind::Not {
                nots.push(directive);
                continue;
            }
            let mut search_from = group_start;
            loop {
                let found = directive
                    .pattern
                    .find(self.input, search_from, end, &self.variables)
                    .map_err(|problem| self.error(directive, &problem))?;
                let Some(found) = found else {
                    return Err(self.not_found(directive, group_start, end, ""));
                };
                let later = ranges.iter().position(|&(_, range_end)| found.start < range_end);
                let overlapped = later.filter(|&at| ranges[at].0 < found.end);
                match overlapped {
                    // The overlapped match ends after this one starts: progress is certain.
                    Some(at) => search_from = ranges[at].1,
                    None => {
                        ranges.insert(later.unwrap_or(ranges.len()), (found.start, found.end));
                        self.record(&found);
                        break;
                    }
                }
            }
            let group_ends = directives.get(index + 1).is_none_or(|next| next.kind == Kind::Not);
            if group_ends {
                if !nots.is_empty() {
                    self.check_nots(nots, group_start, ranges[0].0)?;
                    nots.clear();
                }
                group_start = ranges.last().expect("the group matched").1;
                ranges.clear();
            }
        }
        Ok(group_start)
    }

    /// No `-NOT` pattern occurs in `input[from..to]`.
    fn check_nots(&self, nots: &[&Directive], from: usize, to: usize) -> Result<(), String> {
        for directive in nots {
            let found = directive
                .pattern
                .find(self.input, from, to, &self.variables)
                .map_err(|problem| self.error(directive, &problem))?;
            if let Some(found) = found {
                let mut message = self.error(directive, "excluded string found in input");
                message.push_str(&self.note(found.start, "found here"));
                message.push_str(&self.note(from, "the excluded range starts here"));
                return Err(message);
            }
        }
        Ok(())
    }

    // ---- messages ----

    /// `file:line:column: error: CHECK-X: problem`, the check line with a caret, and the
    /// values of the variables it uses.
    fn error(&self, directive: &Directive, problem: &str) -> String {
        let mut message = format!(
            "{}:{}:{}: error: {}: {problem}\n{}\n{}^\n",
            self.check_path,
            directive.line_number,
            directive.column,
            directive.spelling(),
            directive.line_text,
            " ".repeat(directive.column - 1),
        );
        for name in directive.pattern.uses() {
            match self.variables.get(name) {
                Some(value) => {
                    message.push_str(&format!("  with \"{name}\" equal to \"{value}\"\n"))
                }
                None => message.push_str(&format!("  with \"{name}\" undefined\n")),
            }
        }
        message
    }

    /// The "expected string not found" message: scanning from `from`, and the most similar
    /// line of the searched text when one is close.
    fn not_found(&self, directive: &Directive, from: usize, end: usize, detail: &str) -> String {
        let mut message =
            self.error(directive, &format!("expected string not found in input{detail}"));
        message.push_str(&self.note(from, "scanning from here"));
        let example = directive.pattern.example_text(&self.variables);
        if let Some(at) = possible_intended_match(&self.input[..end], from, &example) {
            message.push_str(&self.note(at, "possible intended match here"));
        }
        message
    }

    /// `<stdin>:line:column: note: what`, with the input around `position`.
    fn note(&self, position: usize, what: &str) -> String {
        let (line, column) = line_and_column(self.input, position);
        format!("<stdin>:{line}:{column}: note: {what}\n{}", excerpt(self.input, position))
    }
}

/// 1-based line and column (in characters) of byte `position`.
fn line_and_column(text: &str, position: usize) -> (usize, usize) {
    let before = &text[..position];
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

/// The input around `position`: the line before, the line itself with a caret under the
/// position, and up to four lines after; each numbered.
fn excerpt(text: &str, position: usize) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let (line, column) = line_and_column(text, position);
    let index = line - 1;
    // The empty "line" after a final newline is shown only when the position is on it.
    if lines.len() > index + 1 && lines.last() == Some(&"") {
        lines.pop();
    }
    let first = index.saturating_sub(1);
    let last = (index + 4).min(lines.len() - 1);
    let width = (last + 1).to_string().len();
    let mut out = String::new();
    for (number, content) in lines.iter().enumerate().take(last + 1).skip(first) {
        out.push_str(&format!("  {:>width$} | {content}\n", number + 1));
        if number == index {
            out.push_str(&format!("  {:>width$} | {}^\n", "", " ".repeat(column - 1)));
        }
    }
    if last + 1 < lines.len() {
        out.push_str(&format!("  {:>width$} | ...\n", ""));
    }
    out
}

/// The start of the line of `text[from..]` most like `example` (an edit distance of at
/// most a third of its length, comparing it with the best-matching part of the line).
fn possible_intended_match(text: &str, from: usize, example: &str) -> Option<usize> {
    let example: Vec<char> = example.trim().chars().collect();
    if example.len() < 3 {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    let mut line_start = from;
    for line in text[from..].split('\n').take(2000) {
        let content: Vec<char> = line.chars().take(1000).collect();
        let distance = substring_edit_distance(&example, &content);
        if best.is_none_or(|(best_distance, _)| distance < best_distance) {
            best = Some((distance, line_start + (line.len() - line.trim_start().len())));
        }
        line_start += line.len() + 1;
    }
    best.filter(|&(distance, _)| distance * 3 <= example.len()).map(|(_, at)| at)
}

/// The smallest edit distance between `pattern` and any substring of `line`.
fn substring_edit_distance(pattern: &[char], line: &[char]) -> usize {
    let mut previous = vec![0usize; line.len() + 1];
    for (i, &p) in pattern.iter().enumerate() {
        let mut current = vec![i + 1; line.len() + 1];
        for (j, &l) in line.iter().enumerate() {
            let substitution = previous[j] + usize::from(p != l);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous.into_iter().min().unwrap_or(pattern.len())
}
