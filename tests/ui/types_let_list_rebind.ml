fn main():
    let queue = [1, 2, 3]
    queue.append(4)
    queue[0] = 0
    queue = [5, 6]
    print(queue)
