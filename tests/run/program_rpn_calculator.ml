# Covers: a realistic program: a reverse Polish calculator with a List[f64] stack, str.isdigit and casts from str, raise on malformed input, try/except around each expression
# Exit: 0

fn pop_value(stack: List[f64]) -> f64:
    if len(stack) == 0:
        raise Error("stack underflow")
    return stack.pop()

fn evaluate(expression: str) -> f64:
    var stack = List[f64]()
    for token in expression.split(" "):
        if token.isdigit():
            stack.append(f64(token))
        elif token in ["+", "-", "*", "/"]:
            let right = pop_value(stack)
            let left = pop_value(stack)
            if token == "+":
                stack.append(left + right)
            elif token == "-":
                stack.append(left - right)
            elif token == "*":
                stack.append(left * right)
            else:
                if right == 0.0:
                    raise Error("division by zero in " + expression)
                stack.append(left / right)
        else:
            raise Error(f"unknown token '{token}'")
    if len(stack) != 1:
        raise Error(f"{len(stack)} values left")
    return stack[0]

fn main():
    let programs = ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4 * 5 6 - + -", "1 +",
                    "4 0 /", "2 x *", "1 2", "7 2 /"]
    for program in programs:
        try:
            print(program, "=", evaluate(program))
        except e:
            print(program, "->", e.message)
