//! A generator of large, valid, realistic mlc programs for the front-end benchmarks.
//!
//! The program is deterministic for a given size, mixes the constructs a real program uses
//! (structs with methods and operators, generics, loops, lists, dicts, f-strings, calls
//! between functions) and type-checks with no diagnostics, so the benchmark measures the
//! checker's normal path rather than its error recovery.

use std::fmt::Write;

/// Returns a program of at least `target_lines` lines, and the byte offset of a line inside
/// the body of a function in the middle of the file where an edit can be made.
pub fn generate(target_lines: usize) -> GeneratedProgram {
    let mut text = String::with_capacity(target_lines * 32);
    text.push_str("import math\nfrom math import sqrt\n\n");
    text.push_str(concat!(
        "struct Point:\n",
        "    x: f64\n",
        "    y: f64\n",
        "\n",
        "    fn norm(self) -> f64:\n",
        "        return sqrt(self.x * self.x + self.y * self.y)\n",
        "\n",
        "    fn __add__(self, o: Point) -> Point:\n",
        "        return Point(self.x + o.x, self.y + o.y)\n",
        "\n",
        "    fn scale(mut self, k: f64):\n",
        "        self.x *= k\n",
        "        self.y *= k\n",
        "\n",
        "fn clamp[T: Numeric](x: T, lo: T, hi: T) -> T:\n",
        "    if x < lo:\n",
        "        return lo\n",
        "    elif x > hi:\n",
        "        return hi\n",
        "    return x\n",
        "\n",
    ));
    let mut index = 0;
    let mut edit_offset = None;
    let mut lines = text.lines().count();
    while lines < target_lines {
        let start = text.len();
        let offset = write_function(&mut text, index);
        if edit_offset.is_none() && lines >= target_lines / 2 {
            edit_offset = Some(offset);
        }
        lines += text[start..].bytes().filter(|&b| b == b'\n').count();
        index += 1;
    }
    text.push_str("fn main():\n");
    let _ = writeln!(text, "    print(compute_{}(10), summarize_{}(3))", index - 1, index - 1);
    GeneratedProgram { edit_offset: edit_offset.unwrap_or(0), text, functions: index * 2 + 1 }
}

pub struct GeneratedProgram {
    pub text: String,
    /// Offset of the start of the line `    var acc = 0` in a function near the middle.
    pub edit_offset: usize,
    pub functions: usize,
}

/// Writes two functions (one numeric, one with collections and strings); returns the offset
/// of the editable line in the first.
fn write_function(text: &mut String, index: usize) -> usize {
    let previous = if index == 0 { None } else { Some(index - 1) };
    let _ = writeln!(text, "fn compute_{index}(n: i64) -> i64:");
    let edit_offset = text.len();
    text.push_str("    var acc = 0\n");
    text.push_str("    for i in range(n):\n");
    text.push_str("        if i % 3 == 0:\n");
    text.push_str("            acc += i * 2\n");
    text.push_str("        elif i % 3 == 1:\n");
    text.push_str("            acc -= i // 2\n");
    text.push_str("        else:\n");
    text.push_str("            acc = clamp(acc + i, -1000, 1000)\n");
    text.push_str("    var p = Point(f64(acc), 2.5)\n");
    text.push_str("    p.scale(0.5)\n");
    text.push_str("    let q = p + Point(x=1.0, y=-1.0)\n");
    match previous {
        Some(previous) => {
            let _ =
                writeln!(text, "    return acc + i64(q.norm()) + compute_{previous}(n - 1) % 7");
        }
        None => text.push_str("    return acc + i64(q.norm())\n"),
    }
    text.push('\n');
    let _ = writeln!(text, "fn summarize_{index}(k: i64) -> str:");
    text.push_str("    var words = List[str]()\n");
    text.push_str("    var counts = Dict[str, i64]()\n");
    text.push_str("    for j in range(k):\n");
    text.push_str("        let word = f\"w{j % 4}\"\n");
    text.push_str("        words.append(word)\n");
    text.push_str("        counts[word] = counts.get(word, 0) + 1\n");
    text.push_str("    var total = 0.0\n");
    text.push_str("    for i, w in enumerate(words):\n");
    text.push_str("        total += f64(len(w)) * math.sqrt(f64(i + 1))\n");
    let _ = writeln!(
        text,
        "    return f\"{{len(words)}} words, total={{total:.3f}}, n={{compute_{index}(k)}}\""
    );
    text.push('\n');
    edit_offset
}
