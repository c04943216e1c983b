class Account:
    def __init__(self, balance):
        if balance < 0:
            raise ValueError(f"negative balance: {balance}")
        self.balance = balance

    def withdraw(self, n):
        if n > self.balance:
            raise InsufficientFunds(self.balance, n)
        self.balance -= n


class InsufficientFunds(Exception):
    def __init__(self, have, want):
        super().__init__(f"have {have}, want {want}")
        self.have = have
        self.want = want


a = Account(10)
a.withdraw(3)
print(a.balance)
try:
    Account(-1)
except ValueError as e:
    print("error:", e)
a.withdraw(100)
