# Covers: integer remainder by zero panics (exit code 1); the divisor reaches zero inside a while True loop
# Exit: 1

fn main():
    var divisor = 3
    var seen = 0
    while True:
        print(17 % divisor)
        seen += 1
        divisor -= 1
