fn main():
    let a = [1, 2, 3]
    let b = []
    let c = [1, 2,]
    let d = {"a": 1, "b": 2}
    let e = {}
    let f = {1: [2], 3: [4],}
    let g = ()
    let h = (1,)
    let i = (1, 2)
    let j = (1, (2, 3), [4])
