) ] }
fn main():
    pass
1 2 3
