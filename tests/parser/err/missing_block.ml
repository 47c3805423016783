fn main():
    if x:
    let y = 1
    for i in xs:
