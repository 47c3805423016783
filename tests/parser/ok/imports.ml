import math
import math as m
import a.b.c
import a.b as ab
from math import sqrt
from math import sqrt, pi
from math import sqrt as square_root, pi as PI
from python import numpy as np
from python import os.path
from python import struct
from tensor import (zeros, ones,
    arange, rand,)
