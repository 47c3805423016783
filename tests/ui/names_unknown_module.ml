import maths

fn main():
    print(maths.sqrt(2.0))
