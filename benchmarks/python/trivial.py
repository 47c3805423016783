"""The trivial Python functions whose call cost the benchmark measures."""


def nothing():
    return None


def identity(x):
    return x
