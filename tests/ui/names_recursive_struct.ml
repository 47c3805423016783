struct Node:
    value: i64
    next: Node

fn main():
    pass
