fn no_bound[T:](x: T) -> T:
    return x

fn dangling_plus[T: Numeric +, U](x: T, y: U):
    pass

fn no_colon[T Numeric](x: T):
    pass
