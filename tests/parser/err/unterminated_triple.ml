fn main():
    let a = """starts here
and never ends
