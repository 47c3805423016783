# Covers: integer remainder by zero panics (exit code 1)
# Exit: 1

fn main():
    var divisor = 3
    while True:
        print(17 % divisor)
        divisor -= 1
