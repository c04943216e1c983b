class Tree:
    def __init__(self, v, kids=()):
        self.v = v
        self.kids = kids

    def walk(self):
        yield self.v
        for k in self.kids:
            yield from k.walk()


t = Tree(1, [Tree(2), Tree(3, [Tree(4)])])
print(list(t.walk()))
