# Covers: a failed assert with a message panics (exit code 1) after the earlier output
# Exit: 1

fn withdraw(balance: i64, amount: i64) -> i64:
    assert amount <= balance, f"cannot withdraw {amount} from {balance}"
    return balance - amount

fn main():
    var balance = 100
    balance = withdraw(balance, 60)
    print("balance", balance)
    balance = withdraw(balance, 50)
    print("not reached", balance)
