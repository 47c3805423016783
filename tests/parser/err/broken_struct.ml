struct S:
    x: f64 =
    y: f64
    let z = 1
    fn m(self) -> f64:
        return self.y
