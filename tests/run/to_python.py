#!/usr/bin/env python3
"""Translate an mlc run-pass program into Python, to compute its expected output.

Most programs of `tests/run/` mean the same thing in Python. For those, the expected stdout
(`X.out`) and exit code (`# Exit:` in the header) are not written by hand but produced by
running the Python translation:

    python3 tests/run/to_python.py tests/run/X.ml | python3

Programs whose header says `# Python: no` (fixed-width integers, f32/f16/bf16, tensors...)
are not translated; their expected output is reasoned out by hand.

    python3 tests/run/to_python.py --check [FILE...]   # compare every translatable program
                                                        # with its .out and # Exit: header
    python3 tests/run/to_python.py --write [FILE...]   # (re)write the .out files from Python

The translation is token-based, not a compiler: it handles the subset the corpus uses.
  - `fn f[T: B](x: T, y: i64 = 3) -> T:` becomes `def f(x, y=3):`; `mut self` is `self`.
  - `struct S:` becomes a dataclass (`@_struct class S:`); its repr is mlc's struct print.
  - `let` / `var` / `const` and their type annotations go; `let (a, b) = t` unpacks.
  - `List[T]()` is `[]`, `Dict[K, V]()` is `{}`; `f[T](...)` drops the type arguments.
  - casts: `i8`...`u64` are `int`, `f16`...`f64` are `float`; `bool` and `str` stay.
  - `Error(m)` is an exception class with `.message`; `except e:` catches only it, as mlc's
    `except` does not catch panics (which are Python's other exceptions here).
  - structs are values in mlc: the right side of every binding and assignment, and the
    argument of `append`/`insert`, are copied (`_v`), as are struct fields on construction.
    A struct placed into a list or tuple literal and then mutated through its variable is
    NOT copied: the corpus does not do that.
  - an integer literal where mlc expects a float (`let x: f64 = 1`, `f(1)` for an `f64`
    parameter, an `f64` struct field) prints `1.0` in mlc but `1` in Python: the translation
    checks annotated bindings, parameters and fields at run time and fails on an int there.
    (Literals typed by other contexts, such as explicit type arguments or return types,
    are not checked: the corpus writes float literals for floats in translatable programs.)
  - `@inline` is dropped.
  - `math` is a copy of Python's whose `floor` and `ceil` return floats, as mlc's do.
  - `\\u{1F600}` escapes become Python's `\\U0001F600`.
  - `main` may return the exit code: the program ends with `sys.exit(main())`.
  - `argv()` is the program's path (`"prog"`) followed by the Python script's arguments:
    `python3 tests/run/to_python.py X.ml | python3 - 64` passes `64`.
"""

import os
import re
import subprocess
import sys

PRELUDE = '''\
from __future__ import annotations
import dataclasses as _dataclasses
import math as _std_math
import sys as _sys
import types as _types

# mlc's math functions are generic over Float: floor and ceil return a float, not an int.
_mlc_math = _types.SimpleNamespace(
    **{name: getattr(_std_math, name) for name in dir(_std_math) if not name.startswith("_")}
)
_mlc_math.floor = lambda x: float(_std_math.floor(x))
_mlc_math.ceil = lambda x: float(_std_math.ceil(x))

def argv():
    """mlc's `argv()`: the program's path, then its arguments."""
    return ["prog"] + _sys.argv[1:]

class Error(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message

def _v(value):
    """A copy of a value-typed mlc value (struct, tuple); references (List, Dict) stay shared."""
    if _dataclasses.is_dataclass(value) and not isinstance(value, type):
        copy = object.__new__(type(value))
        for field in _dataclasses.fields(value):
            object.__setattr__(copy, field.name, _v(getattr(value, field.name)))
        return copy
    if isinstance(value, tuple):
        return tuple(_v(element) for element in value)
    return value

_FLOAT_TYPES = ("f16", "bf16", "f32", "f64")

def _float(value, type_name):
    """Guards the translation: an integer literal where mlc expects a float would print as
    an int in Python (`let x: f64 = 1` prints 1.0 in mlc), so the corpus must not rely on it."""
    if type_name in _FLOAT_TYPES and not isinstance(value, float):
        raise TypeError(f"to_python: {value!r} where mlc expects {type_name}: write a float literal")
    return value

def _struct(cls):
    def __post_init__(self):
        for field in _dataclasses.fields(self):
            value = _float(getattr(self, field.name), field.type)
            setattr(self, field.name, _v(value))
    cls.__post_init__ = __post_init__  # before dataclass(), whose __init__ looks for it
    return _dataclasses.dataclass(cls)

'''

INT_CASTS = {"i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64"}
FLOAT_CASTS = {"f16", "bf16", "f32", "f64"}
STATEMENT_KEYWORDS = {
    "if", "elif", "else", "while", "for", "return", "raise", "assert", "try", "except",
    "finally", "pass", "break", "continue", "import", "from", "fn", "struct", "const", "let",
    "var", "print", "def", "class", "@",
}

TOKEN = re.compile(
    r"""
    (?P<string>[fF]?("\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|"(\\.|[^"\\\n])*"|'(\\.|[^'\\\n])*'))
  | (?P<comment>\#[^\n]*)
  | (?P<name>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<number>0[xXbBoO][0-9a-fA-F_]+|(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?)
  | (?P<space>[ \t]+|\\\n)
  | (?P<newline>\n)
  | (?P<op>\*\*=|//=|<<=|>>=|->|==|!=|<=|>=|\*\*|//|<<|>>|[-+*/%&|^@]=|[-+*/%&|^~<>=@()\[\]{}:,.;])
    """,
    re.VERBOSE,
)


class Token:
    def __init__(self, kind, text):
        self.kind = kind
        self.text = text

    def __repr__(self):
        return f"{self.kind}:{self.text!r}"


def tokenize(text):
    tokens = []
    position = 0
    while position < len(text):
        match = TOKEN.match(text, position)
        if not match:
            raise SyntaxError(f"to_python: cannot tokenize at {text[position:position + 20]!r}")
        kind = match.lastgroup
        tokens.append(Token(kind, match.group(kind)))
        position = match.end()
    return tokens


def logical_lines(text):
    """Physical lines joined while brackets are open or a line ends in a backslash."""
    tokens = tokenize(text)
    lines, current, depth = [], [], 0
    for token in tokens:
        if token.kind == "comment":
            continue
        if token.kind == "op" and token.text in "([{":
            depth += 1
        elif token.kind == "op" and token.text in ")]}":
            depth -= 1
        if token.kind == "newline":
            if depth > 0:
                current.append(Token("space", " "))
                continue
            lines.append(current)
            current = []
            continue
        if token.kind == "space" and token.text.startswith("\\"):
            current.append(Token("space", " "))
            continue
        current.append(token)
    if current:
        lines.append(current)
    return lines


def significant(tokens):
    return [index for index, token in enumerate(tokens) if token.kind != "space"]


def matching(tokens, open_index):
    """Index of the bracket closing the one at open_index."""
    depth = 0
    for index in range(open_index, len(tokens)):
        token = tokens[index]
        if token.kind == "op" and token.text in "([{":
            depth += 1
        elif token.kind == "op" and token.text in ")]}":
            depth -= 1
            if depth == 0:
                return index
    raise SyntaxError("to_python: unbalanced brackets")


def next_significant(tokens, index):
    index += 1
    while index < len(tokens) and tokens[index].kind == "space":
        index += 1
    return index


def split_top_level(tokens, separator):
    """Split a token list at separator ops outside brackets."""
    parts, current, depth = [], [], 0
    for token in tokens:
        if token.kind == "op" and token.text in "([{":
            depth += 1
        elif token.kind == "op" and token.text in ")]}":
            depth -= 1
        if depth == 0 and token.kind == "op" and token.text == separator:
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return parts


def text_of(tokens):
    return "".join(token.text for token in tokens).strip()


def convert_string(text, generic_functions):
    """A string literal: `\\u{...}` escapes, and the fields of f-strings converted."""
    text = re.sub(
        r"\\u\{([0-9a-fA-F]+)\}", lambda match: "\\U%08x" % int(match.group(1), 16), text
    )
    if not text[:1] in "fF":
        return text
    quote_start = 1
    quote = text[quote_start:quote_start + 3] if text[quote_start:quote_start + 3] in ('"""', "'''") else text[quote_start]
    body = text[quote_start + len(quote):len(text) - len(quote)]
    out, index = [], 0
    while index < len(body):
        char = body[index]
        if body.startswith("{{", index) or body.startswith("}}", index):
            out.append(body[index:index + 2])
            index += 2
            continue
        if char == "{":
            depth, end = 0, index
            while end < len(body):
                if body[end] in "([{":
                    depth += 1
                elif body[end] in ")]}":
                    depth -= 1
                    if depth == 0:
                        break
                end += 1
            field = body[index + 1:end]
            expression, colon, spec = split_format_field(field)
            out.append("{" + convert_expression(expression, generic_functions) + colon + spec + "}")
            index = end + 1
            continue
        out.append(char)
        index += 1
    return text[0] + quote + "".join(out) + quote


def split_format_field(field):
    depth = 0
    in_string = None
    for index, char in enumerate(field):
        if in_string:
            if char == in_string:
                in_string = None
            continue
        if char in "\"'":
            in_string = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == ":" and depth == 0:
            return field[:index], ":", field[index + 1:]
    return field, "", ""


def convert_expression(text, generic_functions):
    return text_of(convert_tokens(tokenize(text), generic_functions))


def convert_tokens(tokens, generic_functions):
    """Expression-level rewrites: collections, casts, generic calls, `append` copies."""
    out = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "string":
            out.append(Token("string", convert_string(token.text, generic_functions)))
            index += 1
            continue
        if token.kind == "name":
            after = next_significant(tokens, index)
            bracket_follows = after < len(tokens) and tokens[after].text == "["
            previous = [t for t in out if t.kind != "space"]
            is_attribute = bool(previous) and previous[-1].text == "."
            if bracket_follows and not is_attribute and (
                token.text in ("List", "Dict") or token.text in generic_functions
            ):
                close = matching(tokens, after)
                paren = next_significant(tokens, close)
                if paren < len(tokens) and tokens[paren].text == "(":
                    if token.text in ("List", "Dict"):
                        paren_close = matching(tokens, paren)
                        if text_of(tokens[paren + 1:paren_close]):
                            raise SyntaxError("to_python: List[T](x) with an argument")
                        out.append(Token("op", "[]" if token.text == "List" else "{}"))
                        index = paren_close + 1
                        continue
                    out.append(token)
                    index = paren
                    continue
            call_follows = after < len(tokens) and tokens[after].text == "("
            if call_follows and not is_attribute and token.text in INT_CASTS:
                out.append(Token("name", "int"))
                index += 1
                continue
            if call_follows and not is_attribute and token.text in FLOAT_CASTS:
                out.append(Token("name", "float"))
                index += 1
                continue
            if call_follows and is_attribute and token.text in ("append", "insert"):
                close = matching(tokens, after)
                arguments = split_top_level(tokens[after + 1:close], ",")
                converted = [text_of(convert_tokens(a, generic_functions)) for a in arguments]
                converted[-1] = "_v(" + converted[-1] + ")"
                out.append(Token("name", token.text + "(" + ", ".join(converted) + ")"))
                index = close + 1
                continue
        out.append(token)
        index += 1
    return out


def float_parameters(tokens):
    """Names of the parameters declared with a float type."""
    names = []
    for part in split_top_level(tokens, ","):
        pieces = split_top_level(split_top_level(part, "=")[0], ":")
        if len(pieces) == 2 and text_of(pieces[1]) in ("f16", "bf16", "f32", "f64"):
            names.append((text_of(pieces[0]), text_of(pieces[1])))
    return names


def convert_parameters(tokens, generic_functions):
    parameters = []
    for part in split_top_level(tokens, ","):
        names = [t for t in part if t.kind != "space"]
        if not names:
            continue
        if names[0].text == "mut":
            names = names[1:]
        name = names[0].text
        pieces = split_top_level(part, "=")
        if len(pieces) > 1:
            default = convert_expression(text_of(pieces[1]), generic_functions)
            parameters.append(f"{name}={default}")
        else:
            parameters.append(name)
    return ", ".join(parameters)


def convert_statement(tokens, indent, generic_functions):
    """One statement (no leading indentation) to Python source lines."""
    positions = significant(tokens)
    if not positions:
        return []
    first = tokens[positions[0]].text
    second = tokens[positions[1]].text if len(positions) > 1 else None

    if first == "@":
        # `@inline` is a code generation hint: nothing in Python.
        return []

    block_keywords = ("fn", "struct", "if", "elif", "else", "while", "for", "try", "except", "finally")
    if first not in block_keywords:
        parts = split_top_level(tokens, ";")
        if len(parts) > 1:
            lines = []
            for part in parts:
                lines += convert_statement(part, indent, generic_functions)
            return lines

    if first == "fn":
        name = tokens[positions[1]].text
        index = next_significant(tokens, positions[1])
        if tokens[index].text == "[":
            index = next_significant(tokens, matching(tokens, index))
        close = matching(tokens, index)
        parameters = convert_parameters(tokens[index + 1:close], generic_functions)
        rest = tokens[close + 1:]
        body = text_of(tokens_after_first_colon(rest))
        line = f"{indent}def {name}({parameters}):"
        checks = [
            f"{indent}    _float({parameter}, {type_name!r})"
            for parameter, type_name in float_parameters(tokens[index + 1:close])
        ]
        if body:
            return [line] + checks + convert_statement(tokenize(body), indent + "    ", generic_functions)
        return [line] + checks

    if first == "struct":
        name = tokens[positions[1]].text
        return [f"{indent}@_struct", f"{indent}class {name}:"]

    if first == "import":
        # `import math [as m]`: the mlc flavour of the module.
        names = [t.text for t in tokens if t.kind == "name"]
        module = names[1]
        alias = names[3] if len(names) > 3 and names[2] == "as" else module
        if module == "math":
            return [f"{indent}{alias} = _mlc_math"]
        return [f"{indent}import {module}" + (f" as {alias}" if alias != module else "")]

    if first == "from" and len(positions) > 1 and tokens[positions[1]].text == "math":
        lines = []
        for part in split_top_level(tokens[positions[3]:], ","):
            names = [t.text for t in part if t.kind == "name"]
            alias = names[2] if len(names) > 2 else names[0]
            lines.append(f"{indent}{alias} = _mlc_math.{names[0]}")
        return lines

    if first == "const":
        pieces = split_top_level(tokens[positions[1]:], "=")
        name = tokens[positions[1]].text
        value = convert_expression(text_of(pieces[1]), generic_functions)
        return [f"{indent}{name} = {value}"]

    if first in ("let", "var"):
        rest = tokens[positions[0] + 1:]
        pieces = split_top_level(rest, "=")
        target_and_type = split_top_level(pieces[0], ":")
        target = target_and_type[0]
        value = convert_expression(text_of(rest_after_first_equal(rest)), generic_functions)
        if len(target_and_type) == 2:
            type_name = text_of(target_and_type[1])
            value = f"_float({value}, {type_name!r})"
        return [f"{indent}{text_of(target)} = _v({value})"]

    if first == "except":
        rest = [t for t in tokens[positions[0] + 1:] if t.kind != "space"]
        after_colon = tokens_after_first_colon(tokens)
        if rest and rest[0].text != ":":
            line = f"{indent}except Error as {rest[0].text}:"
        else:
            line = f"{indent}except Error:"
        body = text_of(after_colon)
        if body:
            return [line] + convert_statement(tokenize(body), indent + "    ", generic_functions)
        return [line]

    if first in ("if", "elif", "else", "while", "for", "try", "finally"):
        # A one-line block (`if x: y = 1`) converts its statement too.
        header_end = block_colon(tokens)
        header = convert_tokens(tokens[:header_end + 1], generic_functions)
        line = indent + text_of(header)
        body = text_of(tokens[header_end + 1:])
        if body:
            return [line] + convert_statement(tokenize(body), indent + "    ", generic_functions)
        return [line]

    converted = convert_tokens(tokens, generic_functions)
    if first not in STATEMENT_KEYWORDS:
        pieces = split_top_level(converted, "=")
        if len(pieces) == 2:
            return [f"{indent}{text_of(pieces[0])} = _v(({text_of(pieces[1])}))"]
    return [indent + text_of(converted)]


def tokens_after_first_colon(tokens):
    depth = 0
    for index, token in enumerate(tokens):
        if token.kind == "op" and token.text in "([{":
            depth += 1
        elif token.kind == "op" and token.text in ")]}":
            depth -= 1
        elif depth == 0 and token.kind == "op" and token.text == ":":
            return tokens[index + 1:]
    return []


def rest_after_first_equal(tokens):
    depth = 0
    for index, token in enumerate(tokens):
        if token.kind == "op" and token.text in "([{":
            depth += 1
        elif token.kind == "op" and token.text in ")]}":
            depth -= 1
        elif depth == 0 and token.kind == "op" and token.text == "=":
            return tokens[index + 1:]
    raise SyntaxError("to_python: a binding without `=`")


def block_colon(tokens):
    """Index of the `:` that ends a block header (outside brackets and lambdas)."""
    depth = 0
    for index, token in enumerate(tokens):
        if token.kind == "op" and token.text in "([{":
            depth += 1
        elif token.kind == "op" and token.text in ")]}":
            depth -= 1
        elif depth == 0 and token.kind == "op" and token.text == ":":
            return index
    raise SyntaxError("to_python: a block header without `:`")


def translate(source):
    generic_functions = set(re.findall(r"^\s*fn\s+([A-Za-z_]\w*)\s*\[", source, re.MULTILINE))
    returns_exit_code = re.search(r"^fn\s+main\s*\(\s*\)\s*->", source, re.MULTILINE) is not None
    out = [PRELUDE]
    for line in logical_lines(source):
        indent = ""
        while line and line[0].kind == "space":
            indent += line[0].text
            line = line[1:]
        if not line:
            continue
        out += convert_statement(line, indent, generic_functions)
    out.append("")
    out.append("_sys.exit(main())" if returns_exit_code else "main()")
    return "\n".join(out) + "\n"


def header(source, key):
    match = re.search(r"^#\s*" + key + r":\s*(\S+)", source, re.MULTILINE)
    return match.group(1) if match else None


def run_python(path):
    with open(path, encoding="utf-8") as file:
        source = file.read()
    program = translate(source)
    result = subprocess.run(
        [sys.executable, "-"], input=program, capture_output=True, text=True,
        env={**os.environ, "PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8"},
    )
    return source, result


def corpus_files(arguments):
    if arguments:
        return arguments
    folder = os.path.dirname(os.path.abspath(__file__))
    return sorted(
        os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".ml")
    )


def main(arguments):
    if arguments and arguments[0] in ("--check", "--write"):
        mode, files = arguments[0], corpus_files(arguments[1:])
        failures = 0
        for path in files:
            with open(path, encoding="utf-8") as file:
                source = file.read()
            if header(source, "Python") == "no":
                continue
            source, result = run_python(path)
            expected_exit = int(header(source, "Exit") or "0")
            out_path = path[:-3] + ".out"
            problems = []
            if result.returncode != expected_exit:
                problems.append(f"exit {result.returncode}, header says {expected_exit}")
                if result.stderr:
                    problems.append(result.stderr.strip().splitlines()[-1])
            if mode == "--write":
                with open(out_path, "w", encoding="utf-8") as file:
                    file.write(result.stdout)
            else:
                expected = open(out_path, encoding="utf-8").read() if os.path.exists(out_path) else None
                if expected != result.stdout:
                    problems.append("stdout differs from " + os.path.basename(out_path))
            if problems:
                failures += 1
                print(f"{os.path.basename(path)}: " + "; ".join(problems))
        print(f"{failures} problem(s)")
        return 1 if failures else 0
    if len(arguments) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with open(arguments[0], encoding="utf-8") as file:
        sys.stdout.write(translate(file.read()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
