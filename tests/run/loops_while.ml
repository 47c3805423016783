# Covers: while loops, while True with break, continue in while, counting down, nested while
# Exit: 0

fn main():
    var i = 0
    while i < 5:
        print(i, end=" ")
        i += 1
    print()
    var n = 27
    var steps = 0
    while True:
        if n == 1:
            break
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    print(steps)
    var k = 10
    var odd_sum = 0
    while k > 0:
        k -= 1
        if k % 2 == 0:
            continue
        odd_sum += k
    print(odd_sum)
    var row = 1
    while row <= 3:
        var col = 1
        var line = ""
        while col <= row:
            line += str(row * col) + " "
            col += 1
        print(line.strip())
        row += 1
