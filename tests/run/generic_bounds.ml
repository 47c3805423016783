# Covers: generic bounds Comparable, Numeric (literals inside), Integer (bit ops), Float (math), Printable, several bounds joined with +
# Exit: 0
import math

fn largest[T: Comparable](a: T, b: T) -> T:
    if a < b:
        return b
    return a

fn sum_to_ten[T: Numeric](start: T) -> T:
    var total = start
    var step = 1
    while step <= 4:
        total = total + start * 2 + 1
        step += 1
    return total

fn low_bits[T: Integer](x: T) -> T:
    return x & 7

fn hypot[T: Float](a: T, b: T) -> T:
    return math.sqrt(a * a + b * b)

fn show[T: Printable](label: str, value: T) -> str:
    return f"{label}={value}"

fn describe[T: Numeric + Printable](x: T) -> str:
    return str(x * 2) + "!"

fn main():
    print(largest(3, 9), largest("pear", "apple"), largest(False, True), largest(1.5, -2.0))
    print(sum_to_ten(1), sum_to_ten(0.5))
    print(low_bits(29), low_bits(-1))
    print(hypot(3.0, 4.0), hypot(5.0, 12.0))
    print(show("n", 3), show("s", "text"), show("xs", [1, 2]), show("b", True))
    print(describe(21), describe(1.25))
