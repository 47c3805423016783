# Covers: @ and elementwise operators on numpy arrays
# Exit: 0
from python import numpy as np

fn main():
    let a = np.array([[1.0, 2.0], [3.0, 4.0]])
    let b = np.eye(2)
    print(a @ b)
    print(a * 2 + 1)
    print((a - a.T) @ (a + 1))
