# hello: start-to-exit time of the smallest program (`mlc run hello.ml` against
# `python3 hello.py`).

fn main():
    print("hello, world")
