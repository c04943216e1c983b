class Account:
    __slots__ = ('__balance', 'name')

    def __init__(self, name):
        self.name = name
        self.__balance = 0

    def deposit(self, amt):
        self.__balance += amt
        return self.__balance

    def __repr__(self):
        return f'{self.name}:{self.__balance}'


acc = Account('a')
acc.deposit(5)
print(acc, acc._Account__balance)
