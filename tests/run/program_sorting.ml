# Covers: a realistic program: insertion sort, bubble sort with tuple-of-places swaps (xs[i], xs[j] = xs[j], xs[i]), binary search over the sorted list
# Exit: 0

fn insertion_sort(xs: List[i64]):
    for i in range(1, len(xs)):
        let key = xs[i]
        var j = i - 1
        while j >= 0 and xs[j] > key:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = key

fn bubble_sort(xs: List[i64]) -> i64:
    var swaps = 0
    for i in range(len(xs)):
        for j in range(len(xs) - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
                swaps += 1
    return swaps

fn binary_search(xs: List[i64], target: i64) -> i64:
    var lo = 0
    var hi = len(xs) - 1
    while lo <= hi:
        let mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        elif xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1

fn main():
    let data = [38, 27, 43, 3, 9, 82, 10, 3]
    var a = data.copy()
    insertion_sort(a)
    print(a)
    var b = data.copy()
    print(bubble_sort(b), b)
    print(binary_search(a, 43), binary_search(a, 4), binary_search(a, 3) >= 0)
