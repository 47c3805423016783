# Covers: a realistic program: structs in a Dict keyed by name, mut self methods called through d[k] that raise, refused transfers caught by except, a transaction log, f-string reports
# Exit: 0

struct Account:
    owner: str
    balance: i64

    fn withdraw(mut self, amount: i64):
        if amount <= 0:
            raise Error(f"invalid amount {amount}")
        if amount > self.balance:
            raise Error(f"{self.owner} has only {self.balance}")
        self.balance -= amount

    fn deposit(mut self, amount: i64):
        self.balance += amount

fn transfer(bank: Dict[str, Account], source: str, target: str, amount: i64, log: List[str]):
    if target not in bank:
        raise Error(f"no account {target}")
    bank[source].withdraw(amount)
    bank[target].deposit(amount)
    log.append(f"{source}->{target}:{amount}")

fn main():
    var bank = Dict[str, Account]()
    for name, opening in [("ann", 100), ("bob", 50), ("cid", 0)]:
        bank[name] = Account(name, opening)
    var log = List[str]()
    let requests = [("ann", "bob", 30), ("bob", "cid", 100), ("cid", "zed", 1),
                    ("bob", "cid", 80), ("ann", "cid", -5)]
    for source, target, amount in requests:
        try:
            transfer(bank, source, target, amount, log)
        except e:
            print("refused:", e.message)
    for name in bank:
        print(f"{name:<4}{bank[name].balance:>6}")
    print(log)
    var total = 0
    for account in bank.values():
        total += account.balance
    print("total", total)
