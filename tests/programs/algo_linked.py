class Node:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next

    def __repr__(self):
        return f"Node({self.val!r})"


class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for it in reversed(list(items)):
            self.push(it)

    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1

    def append(self, v):
        node = Node(v)
        if not self.head:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self.size += 1

    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.val
            cur = cur.next

    def __len__(self):
        return self.size

    def __str__(self):
        return " -> ".join(map(str, self)) or "(empty)"

    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev

    def remove(self, v):
        prev, cur = None, self.head
        while cur:
            if cur.val == v:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self.size -= 1
                return True
            prev, cur = cur, cur.next
        return False


ll = LinkedList([1, 2, 3, 4, 5])
print(ll, len(ll))
ll.reverse()
print(ll)
ll.append(0)
print(ll, ll.remove(3), ll.remove(42), ll, len(ll))
print(list(ll), sum(ll), max(ll), sorted(ll), ll.head, ll.head.next)
empty = LinkedList()
print(empty, len(empty), bool(empty))


class Stack:
    def __init__(self):
        self._items = []

    def push(self, x):
        self._items.append(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def peek(self):
        return self._items[-1]

    def __bool__(self):
        return bool(self._items)


def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = Stack()
    for ch in s:
        if ch in "([{":
            st.push(ch)
        elif ch in pairs:
            if not st or st.pop() != pairs[ch]:
                return False
    return not st


for s in ["()", "([]{})", "(]", "((", "", "{[()()]}", "())"]:
    print(f"{s!r:12} {balanced(s)}")


def rpn(expr):
    st = []
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
    for tok in expr.split():
        if tok in ops:
            b, a = st.pop(), st.pop()
            st.append(ops[tok](a, b))
        else:
            st.append(float(tok) if "." in tok else int(tok))
    return st[0]


print(rpn("3 4 + 2 *"), rpn("5 1 2 + 4 * + 3 -"), rpn("1.5 2 /"), rpn("10 4 /"))
s = Stack()
try:
    s.pop()
except IndexError as e:
    print(type(e).__name__, e, e.args)


class Queue:
    def __init__(self):
        self.inbox, self.outbox = [], []

    def enqueue(self, x):
        self.inbox.append(x)

    def dequeue(self):
        if not self.outbox:
            while self.inbox:
                self.outbox.append(self.inbox.pop())
        return self.outbox.pop()

    def __len__(self):
        return len(self.inbox) + len(self.outbox)


q = Queue()
for i in range(5):
    q.enqueue(i * i)
print(q.dequeue(), q.dequeue(), len(q))
q.enqueue(99)
print([q.dequeue() for _ in range(len(q))])
try:
    q.dequeue()
except IndexError as e:
    print("IndexError:", e)
try:
    [].pop(3)
except IndexError as e:
    print(e)
try:
    {}.popitem()
except KeyError as e:
    print(repr(e), str(e))
