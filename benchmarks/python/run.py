#!/usr/bin/env python3
"""The Python interop benchmarks: what crossing from mlc into Python costs.

    python3 benchmarks/python/run.py            7 runs each (release builds)
    python3 benchmarks/python/run.py --runs 3

- call_cost: nanoseconds per call of a trivial Python function from an mlc executable
  (`mlc build -O2`), against the same loop run by CPython itself (the project's Python).
  Target: mlc not slower, for the calls of a function without arguments and with a Python
  object. A third row times a call with a native int converted in and the result cast
  back (`i64(identity(i))`), reported without a target: it is not the same call.
- tensor_view: microseconds per zero-copy `Tensor[f32](o)` of a 1 KiB and a 1 GiB torch
  tensor (DLPack) and numpy array (buffer protocol). Target: the same cost within 2x,
  since nothing is copied.

Each program times its own loops (time.perf_counter) and prints the figures. mlc's and
CPython's runs alternate, and the report gives each figure's best (lowest) run, as
`timeit` does: on a shared machine, the slower runs measure the neighbours. Prints a
Markdown report on stdout.
"""
from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BUILD = ROOT / "target" / "python-bench"
MLC = ROOT / "target" / "release" / "mlc"
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"


def codegen_bench():
    """benchmarks/codegen/run.py as a module, for the helpers both reports use."""
    spec = importlib.util.spec_from_file_location("codegen_bench", HERE.parent / "codegen" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run(argv: list[str], cwd: Path) -> list[float]:
    output = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
    if output.returncode != 0:
        sys.exit(f"{' '.join(map(str, argv))} failed ({output.returncode}):\n{output.stderr}")
    return [float(figure) for figure in output.stdout.split()]


def best(commands: list[list[str]], runs: int) -> list[list[float]]:
    """Runs the commands in turn, `runs` rounds; each figure's lowest value per command."""
    samples: list[list[list[float]]] = [[] for _ in commands]
    for _ in range(runs):
        for index, argv in enumerate(commands):
            samples[index].append(run(argv, HERE))
    return [[min(column) for column in zip(*runs_of)] for runs_of in samples]


def build(name: str) -> Path:
    executable = BUILD / name
    subprocess.run([MLC, "build", "-O2", "-o", executable, HERE / f"{name}.ml"], check=True)
    return executable


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    say("building mlc (release): cargo build --release -p mlc-driver -p mlc-runtime -p mlc-python-bridge")
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "mlc-driver", "-p", "mlc-runtime",
                    "-p", "mlc-python-bridge"], cwd=ROOT, check=True)
    BUILD.mkdir(parents=True, exist_ok=True)
    python = str(VENV_PYTHON if VENV_PYTHON.exists() else "python3")
    version = subprocess.run([python, "--version"], capture_output=True, text=True).stdout.strip()

    say("call_cost")
    mlc_calls, py_calls = best([[str(build("call_cost"))], [python, str(HERE / "call_cost.py")]], args.runs)
    if mlc_calls[3] != py_calls[3]:
        sys.exit(f"call_cost: checksums differ: mlc {mlc_calls[3]}, CPython {py_calls[3]}")
    say("tensor_view")
    (views,) = best([[str(build("tensor_view"))]], args.runs)

    print(f"Python interop benchmarks: {codegen_bench().machine_info()}; {version}; "
          f"best of {args.runs} runs.\n")
    print("| call of a trivial Python function | mlc ns | CPython ns | mlc/CPython | target <= 1.0 |")
    print("| --- | --- | --- | --- | --- |")
    for label, mlc_ns, py_ns, targeted in [
        ("`nothing()`", mlc_calls[0], py_calls[0], True),
        ("`identity(o)`, o a Python object", mlc_calls[1], py_calls[1], True),
        ("`i64(identity(i))`, i a native i64 *", mlc_calls[2], py_calls[2], False),
    ]:
        ratio = mlc_ns / py_ns
        verdict = ("met" if ratio <= 1.0 else "NOT met") if targeted else "(no target)"
        print(f"| {label} | {mlc_ns:.1f} | {py_ns:.1f} | {ratio:.2f} | {verdict} |")
    print("\n\\* Not the call the target names: mlc converts a native int in and the result "
          "back out (one runtime crossing), CPython's loop adds the Python ints it gets.\n")
    print("| zero-copy view | 1 KiB us | 1 GiB us | 1 GiB / 1 KiB | target <= 2.0 |")
    print("| --- | --- | --- | --- | --- |")
    for label, small, large in [
        ("`Tensor[f32](torch tensor)` (DLPack)", views[0], views[1]),
        ("`Tensor[f32](numpy array)` (buffer protocol)", views[2], views[3]),
    ]:
        ratio = large / small
        print(f"| {label} | {small:.3f} | {large:.3f} | {ratio:.2f} | {'met' if ratio <= 2.0 else 'NOT met'} |")


if __name__ == "__main__":
    main()
