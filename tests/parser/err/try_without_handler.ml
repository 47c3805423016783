fn main():
    try:
        risky()
    let x = 1
