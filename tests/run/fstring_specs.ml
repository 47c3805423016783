# Covers: f-string format specs: .3f .0f .2e .1% width and alignment < > ^ with fill, zero padding, sign, thousands separator, d x X b o, s, braces {{ }}
# Exit: 0

fn main():
    let x = 3.14159265
    let n = 42
    let s = "mlc"
    print(f"{x:.3f}|{x:.0f}|{x:.2e}|{1234.5:.2e}|{0.25:.1%}")
    print(f"[{n:>8}]|[{n:<8}]|[{n:^8}]|[{n:*^9}]|[{n:08d}]")
    print(f"[{s:>6}]|[{s:<6}]|[{s:-^7}]|[{s:s}]")
    print(f"{n:d}|{n:x}|{n:X}|{n:b}|{n:o}|{255:#x}")
    print(f"{n:+d}|{-n:+d}|{1234567:,}|{1234567.891:,.2f}")
    print(f"[{x:10.4f}]|[{x:<10.2f}]|[{-x:.1f}]|[{2.5:08.3f}]")
    print(f"{{literal}} and {{{n}}}")
    print(f"{1e-05:.2e}|{123456.0:.3e}|{0.0:.2f}|{-0.0:.1f}")
    print(f"{x:.2f}{s}{n}")
