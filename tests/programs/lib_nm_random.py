import random

random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdef"))
items = list(range(20))
random.shuffle(items)
print(items)
print(random.sample(range(100), 5), random.gauss(0, 1), random.uniform(1, 5))
print(random.randrange(0, 1000, 7), random.choices([1, 2, 3], weights=[5, 1, 1], k=6))
print(random.expovariate(2), random.triangular(), random.betavariate(2, 3))
print(random.normalvariate(10, 2), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2))
print(random.gammavariate(2.5, 1), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.getrandbits(70), random.randbytes(5))
for seed in ["hello", b"hello", bytearray(b"hi"), 3.25, -7, 2**80]:
    random.seed(seed)
    print(repr(seed), random.random())
random.seed("x", version=1)
print(random.random())
state = random.getstate()
first = [random.random() for _ in range(5)]
random.setstate(state)
print(first == [random.random() for _ in range(5)])
r = random.Random(123)
print(r.randint(0, 10**30), r.sample(["a", "b", "c", "d"], 2))


class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)


d = Dice(99)
print([d.roll() for _ in range(10)])
sr = random.SystemRandom()
print(0 <= sr.random() < 1, 1 <= sr.randint(1, 6) <= 6)
random.seed()
print(0 <= random.random() < 1)
