# RUN: mlc build %s --emit ir-raw | filecheck %s
# Structs are values (`agg`), `mut self` methods take the receiver's slot, operator
# methods are calls, and a generic function is compiled once per type it is used with.

struct Vec2:
    x: f64
    y: f64

    fn __add__(self, o: Vec2) -> Vec2:
        return Vec2(self.x + o.x, self.y + o.y)

    fn scale(mut self, k: f64):
        self.x *= k
        self.y *= k

fn clamp[T: Numeric](x: T, lo: T, hi: T) -> T:
    if x < lo:
        return lo
    elif x > hi:
        return hi
    return x

fn main():
    var v = Vec2(1.0, 2.0)
    v.scale(2.0)
    let w = v + Vec2(x=0.5, y=0.5)
    print(w.x, clamp(15, 0, 10), clamp(0.5, 0.0, 1.0))

# CHECK: builtin.struct {field_names = ["x", "y"], fields = [f64, f64], sym_name = "Vec2"}
# CHECK-LABEL: sym_name = "Vec2.__add__"
# CHECK: agg.extract %{{[0-9]+}} {index = 0 : i64} : (!struct<Vec2>) -> f64
# CHECK: agg.make
# CHECK-LABEL: sym_name = "Vec2.scale"
# CHECK: mem.load %{{[0-9]+}} : (!mem.ref<!struct<Vec2>>) -> !struct<Vec2>
# CHECK: agg.insert
# CHECK: mem.store
# CHECK-LABEL: sym_name = "main"
# CHECK: func.call {{.*}}callee = @Vec2.scale
# CHECK: func.call {{.*}}callee = @Vec2.__add__
# CHECK: callee = @"clamp[i64]"
# CHECK: callee = @"clamp[f64]"
# CHECK-DAG: sym_name = "clamp[i64]"
# CHECK-DAG: sym_name = "clamp[f64]"
