class Stack:
    def __init__(self):
        self.items = []
    def pop(self):
        return self.items.pop()
def process(s):
    return [s.pop() for _ in range(2)]
s = Stack()
s.items.append(1)
print("start")
process(s)
