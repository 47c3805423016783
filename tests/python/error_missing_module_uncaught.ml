# Covers: an uncaught import error exits 1 and names the module and the mlc source line
# Exit: 1
# Stderr: ModuleNotFoundError: No module named 'not_a_real_module'
from python import not_a_real_module

fn main():
    print(not_a_real_module.x)
