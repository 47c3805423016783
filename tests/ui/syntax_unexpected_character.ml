fn main():
    let price = 5
    print("price:", $price)
