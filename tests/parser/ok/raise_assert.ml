fn main():
    assert x > 0
    assert x > 0, "x must be positive"
    assert len(xs) == n, f"expected {n} items"
    raise Error("bad")
    raise
