"""A module docstring."""

fn f():
    """A function docstring."""
    return
