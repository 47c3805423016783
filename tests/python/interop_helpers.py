"""A user's own Python module, next to the mlc programs that import it."""

import sys

calls = 0


def add(a, b):
    global calls
    calls += 1
    return a + b


def describe(value):
    return f"{type(value).__name__}:{value!r}"


def greet(name, punctuation="!", *, loud=False):
    text = f"hello, {name}{punctuation}"
    return text.upper() if loud else text


class Counter:
    def __init__(self, start=0):
        self.count = start
        self.label = "counter"

    def bump(self, by=1):
        self.count += by
        return self

    def __len__(self):
        return self.count

    def __repr__(self):
        return f"Counter({self.count})"


def fail(message):
    return check_positive(-1, message)


def check_positive(value, message):
    if value < 0:
        raise ValueError(message)
    return value


def shout(text):
    print(f"python says: {text}")
    sys.stdout.flush()


def squares(n):
    for i in range(n):
        yield i * i


def total(values):
    return sum(values)


class Ticker:
    """A Python thread that counts while it can hold the GIL."""

    def __init__(self):
        import threading

        self.ticks = 0
        self.running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while self.running:
            self.ticks += 1

    def stop(self):
        self.running = False
        self.thread.join()
        return self


class CudaTensorStandIn:
    """Looks like a tensor on a GPU through DLPack (this machine may have none)."""

    def __dlpack_device__(self):
        return (2, 0)

    def __dlpack__(self, **kwargs):
        raise AssertionError("a device mismatch must be found before __dlpack__")


def kinds(*args, **kwargs):
    """The type and value of each argument, as Python received them."""
    positional = [describe(arg) for arg in args]
    named = [f"{name}={describe(value)}" for name, value in sorted(kwargs.items())]
    return " ".join(positional + named)
