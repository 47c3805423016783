# Covers: a realistic program: recursive merge sort building new lists (the input is left unchanged), on ints and on strs through a generic Comparable version
# Exit: 0

fn merge_sort(xs: List[i64]) -> List[i64]:
    if len(xs) <= 1:
        return xs.copy()
    let middle = len(xs) // 2
    var left = List[i64]()
    var right = List[i64]()
    for i in range(len(xs)):
        if i < middle:
            left.append(xs[i])
        else:
            right.append(xs[i])
    let a = merge_sort(left)
    let b = merge_sort(right)
    var out = List[i64]()
    var i = 0
    var j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    while i < len(a):
        out.append(a[i])
        i += 1
    while j < len(b):
        out.append(b[j])
        j += 1
    return out

fn merge_generic[T: Comparable](a: List[T], b: List[T]) -> List[T]:
    var out = List[T]()
    var i = 0
    var j = 0
    while i < len(a) or j < len(b):
        if j == len(b) or (i < len(a) and a[i] <= b[j]):
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out

fn main():
    let data = [38, 27, 43, 3, 9, 82, 10, 3]
    print(merge_sort(data), data)
    print(merge_sort(List[i64]()), merge_sort([1]))
    print(merge_generic(["ant", "fox"], ["bee", "cat", "gnu"]), merge_generic([1.5], [0.5, 2.5]))
