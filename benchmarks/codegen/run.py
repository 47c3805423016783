#!/usr/bin/env python3
"""The code-generation benchmarks: mlc against C (gcc) and CPython, and mlc's tensors
against numpy. Prints a Markdown report on stdout (progress goes to stderr).

    python3 benchmarks/codegen/run.py                 every benchmark, 5 runs each
    python3 benchmarks/codegen/run.py --quick         small sizes, 1 run each (a smoke test)
    python3 benchmarks/codegen/run.py fib nbody       only these (names below)
    python3 benchmarks/codegen/run.py --no-mlc        C against CPython only
    python3 benchmarks/codegen/run.py --full          CPython at the full sizes too (slow)

Names: fib mandelbrot nbody spectral_norm fannkuch_redux matmul_naive (the scalar
programs), fused matmul_f32 (tensors against numpy), hello (start-to-exit). See
README.md beside this file for what each program computes and how it is measured.
"""
from __future__ import annotations

import argparse
import datetime
import math
import os
import platform
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BUILD = ROOT / "target" / "codegen-bench"
DEFAULT_MLC = ROOT / "target" / "release" / "mlc"
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"

# gcc's flags. -ffp-contract=off: in its default (GNU C) mode gcc fuses a * b + c into one
# FMA instruction where -march=native has FMA, which rounds differently; CPython never
# fuses and mlc does not either, so without it C would compute other numbers than the
# programs it is compared with (and its printed digits could differ from CPython's).
DEFAULT_CFLAGS = "-O2 -march=native -ffp-contract=off"

# Targets of the project's issue.
TARGET_C_RATIO = 1.10       # mlc/C time, geometric mean over the scalar programs, at most
TARGET_PY_RATIO = 50.0      # CPython/mlc time, at least
TARGET_MEMORY = 1.20        # mlc/C peak memory of each scalar program, at most
HELLO_RUNS = 10             # at least this many runs for the start-to-exit times


def fib_calls(n: int) -> int:
    """How many calls the naive fib(n) makes: 2 fib(n + 1) - 1."""
    a, b = 0, 1
    for _ in range(n + 1):
        a, b = b, a + b
    return 2 * a - 1


@dataclass
class Scalar:
    """A program with C, mlc and CPython versions: NAME.c, NAME.ml, NAME.py."""
    name: str
    full: int                      # the benchmark size
    quick: int                     # the size of --quick (and the programs' own default)
    python: int                    # CPython's size without --full (a run of a few seconds)
    work: Callable[[int], float]   # relative work at a size, to scale CPython's time
    work_note: str                 # what `work` counts, for the report


SCALARS = [
    Scalar("fib", 35, 25, 35, fib_calls, "calls"),
    Scalar("mandelbrot", 4000, 200, 1000, lambda n: n * n, "points, n^2"),
    Scalar("nbody", 5_000_000, 1000, 500_000, lambda n: n, "steps"),
    Scalar("spectral_norm", 2000, 100, 600, lambda n: n * n, "n^2"),
    Scalar("fannkuch_redux", 10, 7, 10, math.factorial, "permutations, n!"),
    Scalar("matmul_naive", 300, 60, 300, lambda n: n ** 3, "n^3"),
]


@dataclass
class TensorBench:
    """An mlc tensor program NAME.ml against a numpy script, both timing themselves."""
    name: str
    numpy_script: str
    full: tuple[int, int]          # (size, repetitions inside the program)
    quick: tuple[int, int]
    target: float                  # numpy time / mlc time, at least
    target_text: str


TENSORS = [
    TensorBench("fused", "fused_numpy.py", (10_000_000, 10), (1_000_000, 3), 1.5,
                "mlc >= 1.5x numpy's speed"),
    TensorBench("matmul_f32", "matmul_numpy.py", (1024, 5), (256, 2), 0.5,
                "mlc >= 0.5x numpy's speed"),
]

ALL_NAMES = [s.name for s in SCALARS] + [t.name for t in TENSORS] + ["hello"]
TIMED_LINES = ("best_ms:", "gflops:")   # tensor output lines that differ between runs
BUILD_FAILED = "build failed"


def say(message: str) -> None:
    print(f"[codegen-bench] {message}", file=sys.stderr, flush=True)


def first_lines(text: str, count: int = 3) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    shown = " / ".join(lines[:count])
    return shown[:300] + ("..." if len(shown) > 300 else "")


def rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


# ---- running and measuring ---------------------------------------------------------------

@dataclass
class Run:
    """One run of a command: its output and what it cost."""
    code: Optional[int] = None
    seconds: Optional[float] = None
    rss_kib: Optional[int] = None
    stdout: str = ""
    stderr: str = ""
    error: Optional[str] = None     # could not start, timed out, ... (then nothing else holds)

    @property
    def ok(self) -> bool:
        return self.error is None and self.code == 0

    def failure(self) -> str:
        if self.error is not None:
            return self.error
        detail = first_lines(self.stderr) or first_lines(self.stdout)
        how = f"exit code {self.code}"
        if self.code is not None and self.code > 128:
            try:
                how = f"killed by {signal.Signals(self.code - 128).name}"
            except ValueError:
                pass
        return how + (f": {detail}" if detail else "")


class Runner:
    """Runs commands through the `measure` helper (measure.c), which reports the wall time
    and peak RSS of exactly the program it runs. Without the helper (no C compiler) times
    are taken here and peak memory is not reported: a child of this Python process would
    report at least this process's own peak RSS (see measure.c)."""

    def __init__(self, scratch: Path, helper: Optional[Path], timeout: float):
        self.scratch = scratch
        self.helper = helper
        self.timeout = timeout

    def run(self, argv: list[str], env: Optional[dict] = None) -> Run:
        out_path = self.scratch / "stdout"
        err_path = self.scratch / "stderr"
        result_path = self.scratch / "result"
        result_path.unlink(missing_ok=True)
        command = ([str(self.helper), str(result_path)] if self.helper else []) + argv
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            start = time.perf_counter()
            try:
                process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out,
                                           stderr=err, cwd=ROOT, env=env,
                                           start_new_session=True)
            except OSError as error:
                return Run(error=f"could not start {argv[0]}: {error.strerror}")
            try:
                code = process.wait(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                return Run(error=f"timed out after {self.timeout:.0f} s")
            except KeyboardInterrupt:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                raise
            elapsed = time.perf_counter() - start
        run = Run(code=code, seconds=elapsed,
                  stdout=out_path.read_text(errors="replace"),
                  stderr=err_path.read_text(errors="replace"))
        if self.helper:
            try:
                seconds, rss, child_code = result_path.read_text().split()
                run.seconds, run.rss_kib, run.code = float(seconds), int(rss), int(child_code)
            except (OSError, ValueError):
                run.error = f"the measure helper failed (exit code {code}): " + \
                    first_lines(run.stderr)
                return run
            if run.code == 127 and "measure: exec" in run.stderr:
                run.error = f"could not start {argv[0]}: " + first_lines(run.stderr)
        return run


@dataclass
class Measured:
    """The runs of one command: medians, the output, what went wrong."""
    label: str
    size: int
    runs: list[Run] = field(default_factory=list)
    error: Optional[str] = None     # why there is no result
    unavailable: bool = False       # nothing to run (not built, skipped): not a failure

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.runs)

    @property
    def failed(self) -> bool:
        return self.error is not None and not self.unavailable

    @property
    def ms(self) -> Optional[float]:
        return statistics.median(r.seconds for r in self.runs) * 1000.0 if self.ok else None

    @property
    def rss(self) -> Optional[int]:
        values = [r.rss_kib for r in self.runs if r.rss_kib is not None]
        return int(statistics.median(values)) if self.ok and values else None

    @property
    def stdout(self) -> Optional[str]:
        return self.runs[0].stdout if self.ok else None


@dataclass
class Job:
    """A command to measure: argv None when there is nothing to run, `why` says why."""
    label: str
    argv: Optional[list[str]]
    size: int
    why: Optional[str] = None
    env: Optional[dict] = None


def measure(runner: Runner, jobs: list[Job], count: int) -> list[Measured]:
    """Runs each job `count` times, alternating between the jobs run by run so that a change
    in the machine's load affects them alike. A job stops at its first failure, and every
    run must print what its first run printed (lines with timings aside)."""
    results = [Measured(job.label, job.size, error=None if job.argv else
                        (job.why or "not available"), unavailable=job.argv is None)
               for job in jobs]
    for index in range(count):
        for job, result in zip(jobs, results):
            if result.error is not None:
                continue
            run = runner.run(job.argv, job.env)
            if not run.ok:
                result.runs, result.error = [], run.failure()
                say(f"  {job.label} failed: {result.error}")
            elif result.runs and strip_timed(run.stdout) != strip_timed(result.stdout):
                result.runs = []
                result.error = f"run {index + 1} printed something else than run 1"
                say(f"  {job.label}: {result.error}")
            else:
                result.runs.append(run)
    return results


def measure_one(runner: Runner, job: Job, count: int) -> Measured:
    return measure(runner, [job], count)[0]


def strip_timed(stdout: str) -> str:
    return "\n".join(line for line in stdout.splitlines() if not line.startswith(TIMED_LINES))


# ---- tools: gcc, mlc, CPython, numpy -----------------------------------------------------

def tool_output(argv: list[str]) -> Optional[str]:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def build_helper(gcc: Optional[str]) -> Optional[Path]:
    if gcc is None:
        return None
    target = BUILD / "measure"
    source = HERE / "measure.c"
    for static in (["-static"], []):
        done = subprocess.run([gcc, "-O2", "-Wall", *static, "-o", str(target), str(source)],
                              capture_output=True, text=True)
        if done.returncode == 0:
            return target
    say("could not build measure.c: times are taken in Python and peak memory is not shown")
    return None


def build_c(gcc: str, cflags: list[str], name: str) -> tuple[Optional[Path], Optional[str]]:
    target = BUILD / "c" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([gcc, *cflags, "-Wall", "-o", str(target), str(HERE / f"{name}.c"),
                           "-lm"], capture_output=True, text=True)
    if done.returncode != 0:
        return None, BUILD_FAILED + " (gcc): " + first_lines(done.stderr)
    if done.stderr.strip():
        say(f"gcc warned on {name}.c: {first_lines(done.stderr)}")
    return target, None


def build_mlc_compiler(args) -> tuple[Optional[Path], Optional[str]]:
    """The mlc compiler to use, or why there is none."""
    if args.no_mlc:
        return None, "skipped (--no-mlc)"
    if args.mlc:
        mlc = Path(args.mlc).resolve()
        return (mlc, None) if mlc.is_file() else (None, f"{args.mlc} does not exist")
    if not args.no_cargo:
        cargo = shutil.which("cargo")
        if cargo is None:
            return None, "cargo is not installed (install Rust, or pass --mlc PATH / --no-mlc)"
        command = [cargo, "build", "--release", "-p", "mlc-driver", "-p", "mlc-runtime"]
        say("building mlc: cargo " + " ".join(command[1:]))
        # cargo's progress and errors go on to stderr as they come; the errors are kept too.
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True, errors="replace")
        errors, tail = [], []
        for line in process.stderr:
            sys.stderr.write(line)
            tail = (tail + [line])[-20:]
            if line.startswith("error"):
                errors.append(line)
        if process.wait() != 0:
            return None, "`cargo build --release` failed: " + \
                (first_lines("".join(errors)) or first_lines("".join(tail)))
    if not DEFAULT_MLC.is_file():
        return None, f"{rel(DEFAULT_MLC)} does not exist (build it, or pass --mlc PATH)"
    return DEFAULT_MLC, None


def build_mlc(mlc: Path, name: str) -> tuple[Optional[Path], Optional[str]]:
    target = BUILD / "mlc" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    source = rel(HERE / f"{name}.ml")
    try:
        done = subprocess.run([str(mlc), "build", "-O2", source, "-o", str(target),
                               "--color", "never"], capture_output=True, text=True, cwd=ROOT,
                              timeout=600)
    except subprocess.TimeoutExpired:
        return None, BUILD_FAILED + ": `mlc build` timed out"
    if done.returncode != 0 or not target.is_file():
        return None, f"{BUILD_FAILED}: `mlc build` exit code {done.returncode}: " + \
            first_lines(done.stderr or done.stdout)
    return target, None


def find_numpy_python(args) -> tuple[Optional[str], Optional[str], str]:
    """(python with numpy, its numpy version, what was tried)."""
    candidates = [args.numpy_python] if args.numpy_python else \
        [str(VENV_PYTHON), sys.executable]
    tried = []
    for python in candidates:
        if not python or (os.sep in python and not Path(python).is_file()):
            continue
        version = tool_output([python, "-c", "import numpy; print(numpy.__version__)"])
        tried.append(python)
        if version:
            return python, version, ", ".join(tried)
    return None, None, ", ".join(tried) or "no Python"


# ---- formatting --------------------------------------------------------------------------

def fmt_ms(ms: Optional[float]) -> str:
    if ms is None:
        return "—"
    if ms >= 100:
        return f"{ms:,.0f}"
    return f"{ms:.1f}" if ms >= 10 else f"{ms:.2f}"


def fmt_ratio(value: Optional[float], digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def fmt_int(value: Optional[int]) -> str:
    return "—" if value is None else f"{value:,}"


def ratio(numerator: Optional[float], denominator: Optional[float]) -> Optional[float]:
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator


def geomean(values: list[float]) -> Optional[float]:
    values = [v for v in values if v is not None and v > 0]
    return math.exp(sum(map(math.log, values)) / len(values)) if values else None


def met(ok: Optional[bool]) -> str:
    return "—" if ok is None else ("yes" if ok else "**no**")


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |",
             "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"
              for row in rows]
    return "\n".join(lines)


# ---- the benchmarks ----------------------------------------------------------------------

@dataclass
class ScalarResult:
    bench: Scalar
    size: int
    c: Measured
    mlc: Measured
    py: Measured
    py_ms: Optional[float] = None       # CPython's time at `size` (measured or scaled)
    py_note: str = ""
    mismatch: bool = False              # mlc's output is not C's
    problems: list[str] = field(default_factory=list)


def run_scalar(bench: Scalar, args, runner: Runner, c_exe, c_why, mlc_exe, mlc_why,
               python: str) -> ScalarResult:
    size = bench.quick if args.quick else bench.full
    py_size = size if (args.quick or args.full) else min(bench.python, size)
    say(f"{bench.name} {size}: C and mlc, {args.runs} run(s) each")
    c, mlc = measure(runner, [
        Job("C", [str(c_exe), str(size)] if c_exe else None, size, c_why),
        Job("mlc", [str(mlc_exe), str(size)] if mlc_exe else None, size, mlc_why),
    ], args.runs)
    say(f"{bench.name} {py_size}: CPython, {args.py_runs} run(s)")
    py = measure_one(runner, Job("CPython", [python, str(HERE / f"{bench.name}.py"),
                                             str(py_size)], py_size), args.py_runs)
    result = ScalarResult(bench, size, c, mlc, py)

    # Outputs: mlc against C at the full size, CPython against C (or mlc where there is no
    # C) at CPython's size.
    if c.ok and mlc.ok and c.stdout != mlc.stdout:
        result.mismatch = True
        result.problems.append(f"mlc's output differs from C's: {diff(c.stdout, mlc.stdout)}")
    if py.ok:
        reference, exe = (c, c_exe) if c.ok else (mlc, mlc_exe)
        if reference.ok and py_size != size:
            reference = measure_one(runner, Job(reference.label, [str(exe), str(py_size)],
                                                py_size), 1)
        if reference.ok and reference.stdout != py.stdout:
            at = f" at n={py_size:,}" if py_size != size else ""
            result.problems.append(f"CPython's output differs from {reference.label}'s{at}: "
                                   f"{diff(reference.stdout, py.stdout)}")
        if py_size == size:
            result.py_ms = py.ms
        else:
            scale = bench.work(size) / bench.work(py_size)
            result.py_ms = py.ms * scale
            result.py_note = f"n={py_size:,}, ×{scale:,.3g}"
    for measured in (c, mlc, py):
        if measured.failed:
            result.problems.append(f"{measured.label}: {measured.error}")
        elif measured.unavailable and measured.error.startswith(BUILD_FAILED):
            result.problems.append(f"{measured.label} did not build (see Notes)")
    return result


def diff(expected: str, got: str) -> str:
    a, b = expected.splitlines(), got.splitlines()
    for index in range(max(len(a), len(b))):
        left = a[index] if index < len(a) else "<nothing>"
        right = b[index] if index < len(b) else "<nothing>"
        if left != right:
            return f"line {index + 1}: `{left}` against `{right}`"
    return "(same lines, different line ends)"


@dataclass
class TensorResult:
    bench: TensorBench
    size: tuple[int, int]
    mlc: Measured
    numpy: Measured
    mlc_ms: Optional[float] = None
    numpy_ms: Optional[float] = None
    problems: list[str] = field(default_factory=list)


def best_ms(measured: Measured, problems: list[str], label: str) -> Optional[float]:
    """The median over runs of the `best_ms:` line each run printed."""
    if not measured.ok:
        return None
    values = []
    for run in measured.runs:
        lines = [l for l in run.stdout.splitlines() if l.startswith("best_ms:")]
        try:
            values.append(float(lines[0].split()[1]))
        except (IndexError, ValueError):
            problems.append(f"{label} printed no `best_ms:` line")
            return None
    if "check: ok" not in measured.stdout.splitlines():
        problems.append(f"{label}'s own check failed: {first_lines(measured.stdout, 3)}")
    return statistics.median(values)


def run_tensor(bench: TensorBench, args, runner: Runner, mlc_exe, mlc_why, numpy_python,
               numpy_why) -> TensorResult:
    size = bench.quick if args.quick else bench.full
    count = args.tensor_runs
    env = dict(os.environ)
    if args.blas_threads:
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env[var] = str(args.blas_threads)
    say(f"{bench.name} {size[0]} (x{size[1]} inside): mlc and numpy, {count} run(s) each")
    mlc, numpy = measure(runner, [
        Job("mlc", [str(mlc_exe), str(size[0]), str(size[1])] if mlc_exe else None, size[0],
            mlc_why),
        Job("numpy", [numpy_python, str(HERE / bench.numpy_script), str(size[0]),
                      str(size[1])] if numpy_python else None, size[0], numpy_why, env),
    ], count)
    result = TensorResult(bench, size, mlc, numpy)
    result.mlc_ms = best_ms(mlc, result.problems, "mlc")
    result.numpy_ms = best_ms(numpy, result.problems, "numpy")
    if mlc.ok and numpy.ok and strip_timed(mlc.stdout) != strip_timed(numpy.stdout):
        result.problems.append("mlc's output differs from numpy's: " +
                               diff(strip_timed(numpy.stdout), strip_timed(mlc.stdout)))
    for measured in (mlc, numpy):
        if measured.failed:
            result.problems.append(f"{measured.label}: {measured.error}")
        elif measured.unavailable and measured.error.startswith(BUILD_FAILED):
            result.problems.append(f"{measured.label} did not build (see Notes)")
    return result


@dataclass
class HelloResult:
    mlc_run: Measured
    python: Measured
    c: Measured
    mlc_exe: Measured
    problems: list[str] = field(default_factory=list)


def run_hello(args, runner: Runner, mlc, mlc_why, c_exe, c_why, mlc_exe, mlc_exe_why,
              python: str) -> HelloResult:
    count = max(args.runs, HELLO_RUNS)
    say(f"hello: start to exit, {count} runs each")
    mlc_run, py, c, built = measure(runner, [
        Job("mlc run", [str(mlc), "run", rel(HERE / "hello.ml")] if mlc else None, 0, mlc_why),
        Job("python3", [python, str(HERE / "hello.py")], 0),
        Job("C", [str(c_exe)] if c_exe else None, 0, c_why),
        Job("mlc build", [str(mlc_exe)] if mlc_exe else None, 0, mlc_exe_why),
    ], count)
    result = HelloResult(mlc_run, py, c, built)
    outputs = {m.label: m.stdout for m in (mlc_run, py, c, built) if m.ok}
    if len(set(outputs.values())) > 1:
        result.problems.append("the hello programs print different things: " +
                               ", ".join(f"{k}: {v.strip()!r}" for k, v in outputs.items()))
    for measured in (mlc_run, py, c, built):
        if measured.failed:
            result.problems.append(f"{measured.label}: {measured.error}")
        elif measured.unavailable and measured.error.startswith(BUILD_FAILED):
            result.problems.append(f"{measured.label} did not build (see Notes)")
    return result


# ---- the report --------------------------------------------------------------------------

def report(args, info: list[str], scalars: list[ScalarResult], tensors: list[TensorResult],
           hello: Optional[HelloResult], notes: list[str]) -> str:
    out = ["# Code-generation benchmarks", ""]
    out += [f"- {line}" for line in info]
    out.append("")
    targets = []   # (target, measured, met)

    if scalars:
        rows = []
        for r in scalars:
            c_ms, mlc_ms = r.c.ms, r.mlc.ms
            py_text = fmt_ms(r.py_ms)
            if r.py_note:
                py_text = f"≈{py_text} ({r.py_note})"
            output = "ok" if not r.problems else "**" + "; ".join(r.problems) + "**"
            if r.problems == [] and not (r.c.ok and (r.mlc.ok or r.py.ok)):
                output = "—"
            rows.append([r.bench.name, f"{r.size:,}", fmt_ms(c_ms), fmt_ms(mlc_ms),
                         fmt_ratio(ratio(mlc_ms, c_ms)), py_text,
                         fmt_ratio(ratio(r.py_ms, mlc_ms), 1), fmt_int(r.c.rss),
                         fmt_int(r.mlc.rss), fmt_ratio(ratio(r.mlc.rss, r.c.rss)), output])
        out += ["## Scalar programs: `mlc build -O2` against C and CPython", "",
                table(["program", "size", "C ms", "mlc ms", "mlc/C", "CPython ms",
                       "CPython/mlc", "C peak KiB", "mlc peak KiB", "mlc/C memory",
                       "output"], rows), ""]
        scaled = [r for r in scalars if r.py_note]
        if scaled:
            out += ["≈: CPython ran at the smaller size shown and its median time is scaled "
                    "by the ratio of work (" + "; ".join(
                        f"{r.bench.name}: {r.bench.work_note}" for r in scaled) +
                    "); `--full` runs it at the full size.", ""]
        c_ratios = [ratio(r.mlc.ms, r.c.ms) for r in scalars]
        py_ratios = [ratio(r.py_ms, r.mlc.ms) for r in scalars]
        mem_ratios = [ratio(r.mlc.rss, r.c.rss) for r in scalars]
        py_c = [ratio(r.py_ms, r.c.ms) for r in scalars]
        complete = all(v is not None for v in c_ratios) and \
            not any(r.mismatch for r in scalars)
        g = geomean(c_ratios)
        lines = []
        if g is not None:
            partial = "" if complete else \
                " (incomplete: not every program has both times and the same output)"
            lines.append(f"- mlc/C time, geometric mean{partial}: **{g:.3f}** "
                         f"(target <= {TARGET_C_RATIO:.2f})")
        targets.append((f"`mlc build` time <= {TARGET_C_RATIO:.2f}x C's (geometric mean)",
                        fmt_ratio(g, 3), g <= TARGET_C_RATIO if complete and g else None))
        gp = geomean(py_ratios)
        if gp is not None:
            lowest = min((v, r.bench.name) for v, r in zip(py_ratios, scalars) if v)
            lines.append(f"- CPython/mlc time, geometric mean: **{gp:.1f}**, lowest "
                         f"{lowest[0]:.1f} ({lowest[1]}) (target >= {TARGET_PY_RATIO:.0f})")
        targets.append((f"`mlc build` >= {TARGET_PY_RATIO:.0f}x faster than CPython "
                        "(geometric mean)", fmt_ratio(gp, 1),
                        gp >= TARGET_PY_RATIO if complete and gp else None))
        gc = geomean(py_c)
        if gc is not None:
            lines.append(f"- CPython/C time, geometric mean: {gc:.1f}")
        known = [(v, r.bench.name) for v, r in zip(mem_ratios, scalars) if v is not None]
        worst = max(known) if known else None
        if worst:
            lines.append(f"- mlc/C peak memory, highest: **{worst[0]:.2f}** ({worst[1]}) "
                         f"(target <= {TARGET_MEMORY:.2f} for each)")
        targets.append((f"peak memory of each built program <= {TARGET_MEMORY:.2f}x C's",
                        f"{worst[0]:.2f} ({worst[1]})" if worst else "—",
                        worst[0] <= TARGET_MEMORY if worst and len(known) == len(scalars)
                        else None))
        out += lines + ([""] if lines else [])

    if tensors:
        rows = []
        for r in tensors:
            speed = ratio(r.numpy_ms, r.mlc_ms)
            reached = None if speed is None or r.problems else speed >= r.bench.target
            output = "ok" if not r.problems else "**" + "; ".join(r.problems) + "**"
            if not r.problems and not (r.mlc.ok and r.numpy.ok):
                output = "—"
            rows.append([r.bench.name, f"{r.size[0]:,}", str(r.size[1]), fmt_ms(r.numpy_ms),
                         fmt_ms(r.mlc_ms), fmt_ratio(speed), r.bench.target_text,
                         met(reached), output])
            targets.append((f"{r.bench.name}: {r.bench.target_text}", fmt_ratio(speed),
                            reached))
        out += ["## Tensors: mlc against numpy (float32)", "",
                table(["program", "size", "reps", "numpy ms", "mlc ms", "numpy/mlc",
                       "target", "met", "output"], rows), "",
                "Times are the best of the repetitions inside one run (each program times "
                "its own expression with `perf_counter`), median over runs; numpy/mlc > 1 "
                "means mlc is faster.", ""]

    if hello:
        h = hello
        rows = [["`mlc run hello.ml` (Cranelift JIT)", fmt_ms(h.mlc_run.ms),
                 fmt_int(h.mlc_run.rss)],
                ["`python3 hello.py`", fmt_ms(h.python.ms), fmt_int(h.python.rss)],
                ["C `hello` (gcc)", fmt_ms(h.c.ms), fmt_int(h.c.rss)],
                ["`mlc build` hello", fmt_ms(h.mlc_exe.ms), fmt_int(h.mlc_exe.rss)]]
        faster = ratio(h.python.ms, h.mlc_run.ms)
        out += ["## Start to exit: hello", "",
                table(["command", "median ms", "peak KiB"], rows), ""]
        if faster is not None:
            out += [f"- python3/`mlc run`: **{faster:.2f}** (target > 1)", ""]
        targets.append(("`mlc run hello.ml` faster than `python3 hello.py`",
                        fmt_ratio(faster),
                        None if faster is None or h.problems else faster > 1.0))
        out += [f"- **{p}**" for p in h.problems] + ([""] if h.problems else [])

    if targets:
        out += ["## Targets", "", table(["target", "measured", "met"],
                                        [[t, m, met(ok)] for t, m, ok in targets]), ""]
    if notes:
        out += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(out)


# ---- main --------------------------------------------------------------------------------

def parse_args(argv: list[str]):
    parser = argparse.ArgumentParser(
        description="mlc's code-generation benchmarks against C, CPython and numpy.",
        epilog="names: " + " ".join(ALL_NAMES))
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true",
                        help="small sizes and 1 run each (unless --runs): a smoke test")
    parser.add_argument("--full", action="store_true",
                        help="run CPython at the full sizes (minutes) instead of scaling")
    parser.add_argument("--runs", type=int, help="runs of each program (default 5; 1 with "
                        "--quick)")
    parser.add_argument("--py-runs", type=int, help="runs of each CPython program "
                        "(default: --runs)")
    parser.add_argument("--tensor-runs", type=int, help="runs of each tensor program "
                        "(default: 3; 1 with --quick)")
    parser.add_argument("--no-mlc", action="store_true",
                        help="do not build or run mlc: C against CPython only")
    parser.add_argument("--no-cargo", action="store_true",
                        help="use the existing target/release/mlc without running cargo")
    parser.add_argument("--mlc", metavar="PATH", help="the mlc compiler to use (no cargo)")
    parser.add_argument("--python", metavar="PATH", default=sys.executable,
                        help="the CPython to compare with (default: the one running this)")
    parser.add_argument("--numpy-python", metavar="PATH",
                        help="the Python with numpy (default: .venv/bin/python, else "
                        "--python)")
    parser.add_argument("--blas-threads", type=int, metavar="N",
                        help="limit numpy's BLAS to N threads (default: its own default)")
    parser.add_argument("--cflags", default=DEFAULT_CFLAGS,
                        help=f"gcc's flags (default: {DEFAULT_CFLAGS})")
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds one run may take (default 600)")
    parser.add_argument("--output", metavar="FILE", help="also write the report to FILE")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in ALL_NAMES]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; the names are: "
                     + " ".join(ALL_NAMES))
    if args.runs is None:
        args.runs = 1 if args.quick else 5
    if args.py_runs is None:
        args.py_runs = args.runs
    if args.tensor_runs is None:
        args.tensor_runs = 1 if args.quick else 3
    if min(args.runs, args.py_runs, args.tensor_runs) < 1:
        parser.error("run counts must be at least 1")
    return args


def machine_info() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.machine()}, {platform.system()} " \
           f"{platform.release()}"


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    selected = args.names or ALL_NAMES
    scalars = [s for s in SCALARS if s.name in selected]
    tensors = [t for t in TENSORS if t.name in selected]
    notes: list[str] = []
    BUILD.mkdir(parents=True, exist_ok=True)

    gcc = shutil.which("gcc")
    gcc_version = tool_output([gcc, "--version"]).splitlines()[0] if gcc else None
    if gcc is None:
        notes.append("gcc is not installed: no C column, and no peak memory (install gcc).")
        say("gcc is not installed: the C programs are skipped")
    helper = build_helper(gcc)
    if gcc and helper is None:
        notes.append("measure.c did not build: times are taken by the runner in Python, "
                     "peak memory is not shown.")

    mlc, mlc_why = build_mlc_compiler(args)
    if mlc is None and not args.no_mlc:
        say(f"mlc is not available: {mlc_why}")
        notes.append(f"mlc is not available: {mlc_why}. The mlc columns are empty.")
        mlc_why = "not built"
        mlc_info = "— not available (see Notes)"
    else:
        mlc_info = "— " + (mlc_why or "")
    python = args.python
    python_version = tool_output([python, "-c", "import sys; print(sys.version.split()[0])"])
    if python_version is None:
        print(f"error: the CPython to compare with ({python}) does not run", file=sys.stderr)
        return 2

    numpy_python, numpy_version, numpy_why = None, None, "skipped"
    if tensors:
        numpy_python, numpy_version, tried = find_numpy_python(args)
        if numpy_python is None:
            numpy_why = "numpy is not installed"
            message = (f"numpy is not installed (tried {tried}): the numpy column is empty; "
                       "`bash scripts/setup.sh` installs it into .venv from requirements.txt.")
            notes.append(message)
            say(message)

    mlc_rev = tool_output(["git", "rev-parse", "--short", "HEAD"])
    dirty = tool_output(["git", "status", "--porcelain"])
    info = [
        f"date: {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}; machine: "
        f"{machine_info()}",
        f"C: {gcc_version or 'no gcc'}, `gcc {args.cflags}`",
        "mlc: " + (f"`{rel(mlc)} build -O2` (LLVM), commit {mlc_rev or '?'}"
                   f"{' with local changes' if dirty else ''}" if mlc else mlc_info),
        f"CPython: {python_version} (`{python}`)",
    ]
    if tensors:
        info.append("numpy: " + (f"{numpy_version} (`{numpy_python}`), BLAS threads: "
                                 f"{args.blas_threads or 'its default'}" if numpy_python
                                 else "— (not installed)"))
    mode = "quick sizes" if args.quick else "full sizes"
    py_mode = "CPython at the full sizes" if (args.full or args.quick) else \
        "CPython at reduced sizes where a full run takes more than ~10 s (scaled, marked ≈)"
    info.append(f"{mode}; median wall time of {args.runs} run(s) from start to exit "
                f"(CPython {args.py_runs}), {py_mode}; peak memory is the run's ru_maxrss")

    with tempfile.TemporaryDirectory(prefix="codegen-bench-") as scratch:
        runner = Runner(Path(scratch), helper, args.timeout)
        scalar_results = []
        for bench in scalars:
            c_exe, c_why = (None, "not built") if gcc is None else build_c(
                gcc, shlex.split(args.cflags), bench.name)
            if c_exe is None and gcc is not None:
                notes.append(f"{bench.name}.c: {c_why}")
            mlc_exe, why = (None, mlc_why) if mlc is None else build_mlc(mlc, bench.name)
            if mlc is not None and mlc_exe is None:
                notes.append(f"{bench.name}.ml: {why}")
                say(f"{bench.name}.ml: {why}")
            scalar_results.append(run_scalar(bench, args, runner, c_exe, c_why, mlc_exe, why,
                                              python))
        tensor_results = []
        for bench in tensors:
            mlc_exe, why = (None, mlc_why) if mlc is None else build_mlc(mlc, bench.name)
            if mlc is not None and mlc_exe is None:
                notes.append(f"{bench.name}.ml: {why}")
                say(f"{bench.name}.ml: {why}")
            tensor_results.append(run_tensor(bench, args, runner, mlc_exe, why, numpy_python,
                                             numpy_why))
        hello = None
        if "hello" in selected:
            c_exe, c_why = (None, "not built") if gcc is None else build_c(
                gcc, shlex.split(args.cflags), "hello")
            mlc_exe, why = (None, mlc_why) if mlc is None else build_mlc(mlc, "hello")
            if mlc is not None and mlc_exe is None:
                notes.append(f"hello.ml: {why}")
            hello = run_hello(args, runner, mlc, mlc_why, c_exe, c_why, mlc_exe, why, python)

    text = report(args, info, scalar_results, tensor_results, hello, notes)
    print(text)
    if args.output:
        Path(args.output).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        sys.exit(130)
