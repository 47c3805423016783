# Covers: Dict values that are structs updated in place (d[k].field += v), Dict of Lists, iterating a Dict while writing another, Dict[str, Dict[str, i64]]
# Exit: 0

struct Stats:
    count: i64
    total: f64

    fn mean(self) -> f64:
        return self.total / f64(self.count)

fn main():
    let readings = [("a", 1.0), ("b", 4.0), ("a", 2.0), ("c", 0.5), ("b", 6.0)]
    var by_sensor = Dict[str, Stats]()
    for name, value in readings:
        if name not in by_sensor:
            by_sensor[name] = Stats(0, 0.0)
        by_sensor[name].count += 1
        by_sensor[name].total += value
    for name, stats in by_sensor.items():
        print(name, stats.count, stats.total, stats.mean())
    var inverted = Dict[i64, List[str]]()
    for name in by_sensor:
        let count = by_sensor[name].count
        if count not in inverted:
            inverted[count] = List[str]()
        inverted[count].append(name)
    print(inverted)
    var nested = Dict[str, Dict[str, i64]]()
    nested["x"] = {"one": 1}
    nested["x"]["two"] = 2
    nested["x"]["one"] += 10
    print(nested, len(nested["x"]))
