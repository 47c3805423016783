fn main():
    let total = 0
	print(total)
    if total == 0:
	print("zero")
