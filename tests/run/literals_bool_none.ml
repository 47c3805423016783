# Covers: True, False, None; bool printing, bool equality and ordering, None results
# Exit: 0

fn nothing():
    pass

fn main():
    print(True, False, None)
    print(True == True, True != False)
    print(False < True, True <= True)
    print(not True, not False)
    let b: bool = 3 > 2
    print(b, str(b))
    nothing()
    print(None == None)
    let flags = [True, False, True]
    print(flags, flags.count(True))
