# Covers: importing a module that does not exist raises ModuleNotFoundError, catchable
# Exit: 0
from python import no_such_module_here

fn main():
    try:
        no_such_module_here.run()
    except e:
        print("caught:", e)
    print("still running")
