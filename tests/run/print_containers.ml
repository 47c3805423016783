# Covers: print of List, nested List, tuple, Dict, with str elements quoted like Python's repr; empty containers; a struct with a str field
# Exit: 0

struct Named:
    name: str
    score: f64

fn main():
    print([1, 2, 3], [1.5, 2.0], [True, False])
    print(["a", "b"], [["x"], []], List[i64]())
    print((1, "a", 2.5), ("only",), ((1, 2), [3]))
    print({"k": 1, "j": 2}, {1: "one"}, Dict[str, i64]())
    print({"list": [1, 2]}, [(1, "p")])
    print(Named("ann", 9.5))
    print([Named("bob", 0.5)])
    print("it's", ["it's"], ['say "hi"'])
    print([0.1, 1e-05, 1e+16, -0.0])
