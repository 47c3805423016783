fn types(a: i64, b: List[f64], c: Dict[str, i64], d: (i64, f64), e: Tensor[f32], f: PyObject) -> None:
    pass

fn nested(x: List[List[(i64, str)]], y: Dict[str, List[f64]]) -> ():
    return ()

fn single(t: (i64,), p: (f64)) -> bool:
    return True
