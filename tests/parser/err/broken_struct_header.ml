struct Point(x: f64):
    x: f64
    y = 0.0
    z: f64 +

    fn norm(self -> f64:
        return self.x

    scale(self, k: f64):
        pass

struct Fine:
    a: i64
