fn log(message: str):
    print(message)

fn main():
    let result = log("start")
    print(result)
