fn main(args: List[str]):
    print(len(args))
