fn main():
    if x:
        let a = 1
      let b = 2
    let c = 3
