class InsufficientFunds(Exception):
    pass


class Account:
    _next_id = 1000
    interest = 0.02

    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        self.history = []
        self.id = Account._next_id
        Account._next_id += 1

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"invalid amount: {amount!r}")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has {self.balance:.2f}, needs {amount:.2f}")
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance!r})"

    def __str__(self):
        return f"#{self.id} {self.owner:<8} {self.balance:>10,.2f}"

    def __lt__(self, other):
        return self.balance < other.balance

    def __eq__(self, other):
        return isinstance(other, Account) and self.id == other.id

    __hash__ = object.__hash__


class Savings(Account):
    interest = 0.05

    def add_interest(self):
        gained = round(self.balance * self.interest, 2)
        self.deposit(gained)
        return gained


bank = [Account("alice", 100), Savings("bob", 2500.5), Account("carol"), Savings("dave", 99.99)]
bank[0].deposit(50).withdraw(30)
bank[2].deposit(1_000_000)
for acct in bank:
    print(acct)
print(repr(bank[1]), sorted(bank)[0].owner, max(bank).owner, bank[0] == bank[0], bank[0] == bank[1], bank[0] != "x")
for acct in bank:
    if isinstance(acct, Savings):
        print(acct.owner, "interest", acct.add_interest(), acct.interest, Account.interest)
ops = [(0, "withdraw", 500), (1, "deposit", -5), (3, "withdraw", 10), (2, "deposit", "lots")]
for idx, op, amt in ops:
    try:
        getattr(bank[idx], op)(amt)
    except InsufficientFunds as e:
        print("denied:", e)
    except ValueError as e:
        print("invalid:", e)
    except TypeError as e:
        print("type:", e)
    else:
        print("ok:", bank[idx])
print(bank[0].history, bank[3].history)
total = sum(a.balance for a in bank)
print(f"total {total:,.2f} avg {total / len(bank):.3f}")
print({a.owner: round(a.balance) for a in bank})
print([type(a).__name__ for a in bank], Savings.__mro__[1].__name__, Savings.__bases__, issubclass(Savings, Account))
print(hasattr(bank[0], "add_interest"), getattr(bank[0], "nickname", "n/a"), vars(bank[2]).keys())
ledger = {}
for a in bank:
    for kind, amount in a.history:
        ledger.setdefault(kind, []).append(amount)
for kind in sorted(ledger):
    vals = ledger[kind]
    print(f"{kind:>8}: n={len(vals)} sum={sum(vals):.2f} max={max(vals)}")
print(Account._next_id, len(set(bank)), bank.index(bank[2]), bank[1] in bank)
