# Covers: MLC_PYTHON naming a Python that does not exist: the program stops and says what is missing and how to fix it
# Exit: 1
# Env: MLC_PYTHON=/nonexistent/bin/python3
# Stderr: cannot start Python
# Stderr: /nonexistent/bin/python3
# Stderr: MLC_PYTHON
from python import math

fn main():
    print("native code runs first")
    print(math.pi)
