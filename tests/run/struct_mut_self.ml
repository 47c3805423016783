# Covers: methods with mut self on var bindings and on list elements; self methods calling each other
# Exit: 0

struct Account:
    owner: i64
    balance: i64
    history: i64

    fn deposit(mut self, amount: i64):
        self.balance += amount
        self.history += 1

    fn withdraw(mut self, amount: i64) -> bool:
        if amount > self.balance:
            return False
        self.balance -= amount
        self.history += 1
        return True

    fn reset(mut self):
        self.balance = 0
        self.deposit(100)

    fn summary(self) -> str:
        return f"#{self.owner}: {self.balance} after {self.history} operations"

fn main():
    var account = Account(1, 0, 0)
    account.deposit(50)
    print(account.withdraw(80), account.withdraw(30))
    print(account.summary())
    account.reset()
    print(account.summary())
    var accounts = [Account(2, 10, 0), Account(3, 20, 0)]
    accounts[1].deposit(5)
    for i in range(len(accounts)):
        accounts[i].deposit(i + 1)
    print(accounts[0].summary())
    print(accounts[1].summary())
