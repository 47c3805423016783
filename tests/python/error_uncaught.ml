# Covers: an uncaught Python exception: exit code 1, the message, Python's traceback and the mlc line on stderr
# Exit: 1
# Stderr: error: ValueError: not today
# Stderr: Traceback (most recent call last):
# Stderr: interop_helpers.py", line
# Stderr: in check_positive
from python import interop_helpers as h

fn main():
    print("before")
    h.fail("not today")
    print("never")
