# Covers: __getitem__ __setitem__ __len__ on a struct wrapping a List; len() and indexing through them
# Exit: 0

struct Ring:
    items: List[i64]

    fn __len__(self) -> i64:
        return len(self.items)

    fn __getitem__(self, i: i64) -> i64:
        return self.items[i % len(self.items)]

    fn __setitem__(self, i: i64, value: i64):
        self.items[i % len(self.items)] = value

fn main():
    var ring = Ring([10, 20, 30])
    print(len(ring), ring[0], ring[4], ring[-1])
    ring[5] = 99
    ring[3] += 1
    print(ring.items)
    var total = 0
    for i in range(len(ring) * 2):
        total += ring[i]
    print(total)
