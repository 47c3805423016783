fn main()
    if x > 0
        print(x)
    else
        pass
