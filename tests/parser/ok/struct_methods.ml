struct Vec3:
    x: f64
    y: f64
    z: f64

    fn dot(self, o: Vec3) -> f64:
        return self.x * o.x + self.y * o.y + self.z * o.z

    fn __add__(self, o: Vec3) -> Vec3:
        return Vec3(self.x + o.x, self.y + o.y, self.z + o.z)

    fn scale(mut self, k: f64):
        self.x *= k
