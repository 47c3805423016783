fn main():
    var total = 0
    while total > 100:
        total -= 7
    while True:
        break
    while not done and count < 10:
        count += 1
