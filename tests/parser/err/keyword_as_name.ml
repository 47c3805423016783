fn main():
    let fn = 3
    let for = 4
    var x = 1

fn struct():
    pass
