let limit = 10
print(limit)

fn main():
    pass
