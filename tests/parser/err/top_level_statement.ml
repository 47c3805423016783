let x = 1
print(x)
for i in range(3):
    print(i)

fn main():
    pass
