struct Circle:
    radius: f64

    fn area(self) -> f64:
        return 3.14159 * radius * self.radius

fn main():
    print(Circle(2.0).area())
