# Covers: from python import M as N, and a dotted module
# Exit: 0
from python import numpy as np
from python import os.path as osp
from python import collections as co

fn main():
    print(np.__name__, osp.splitext("report.final.txt"))
    let counts = co.Counter("mississippi")
    print(counts.most_common(2))
