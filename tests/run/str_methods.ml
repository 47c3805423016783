# Covers: str methods split (with and without separator) strip lstrip rstrip (with chars) join startswith endswith find replace upper lower isdigit
# Exit: 0

fn main():
    let line = "  alpha,beta,,gamma  "
    print(line.strip().split(","))
    print("a b  c".split(" "), "  many   spaces here ".split())
    print("[" + line.strip() + "]", "[" + line.lstrip() + "]", "[" + line.rstrip() + "]")
    print("xxhixx".strip("x"), "--a--".lstrip("-"), "--a--".rstrip("-"))
    print("-".join(["2024", "01", "31"]), "".join(["a", "b"]), ", ".join(List[str]()))
    print("filename.ml".endswith(".ml"), "filename.ml".startswith("file"), "x".startswith("xy"))
    print("hello".find("l"), "hello".find("lo"), "hello".find("z"), "hello".find(""))
    print("a.b.c".replace(".", "::"), "aaa".replace("a", "ab"), "abc".replace("x", "y"))
    print("MiXeD 123".upper(), "MiXeD 123".lower())
    print("12345".isdigit(), "12a".isdigit(), "".isdigit())
    let csv = "name=ann;age=31;city=oslo"
    for field in csv.split(";"):
        let parts = field.split("=")
        print(parts[0].upper(), parts[1])
