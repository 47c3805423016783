fn main():
    for i in range(10):
        if i % 2 == 0:
            while True:
                if done():
                    break
                continue
        else:
            pass
    print("done")
