class LCG:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (1103515245 * self.state + 12345) & 0x7FFFFFFF
        return self.state

    def randint(self, a, b):
        return a + self.next() % (b - a + 1)

    def random(self):
        return self.next() / 0x80000000

    def choice(self, seq):
        return seq[self.randint(0, len(seq) - 1)]

    def shuffle(self, seq):
        for i in range(len(seq) - 1, 0, -1):
            j = self.randint(0, i)
            seq[i], seq[j] = seq[j], seq[i]


rng = LCG(2024)
rolls = [rng.randint(1, 6) for _ in range(600)]
hist = {face: rolls.count(face) for face in range(1, 7)}
for face, n in hist.items():
    print(f"{face}: {n:3d} {'#' * (n // 5)}")
print("mean %.3f" % (sum(rolls) / len(rolls)))
deck = [r + s for s in "SHDC" for r in "23456789TJQKA"]
rng.shuffle(deck)
hands = [deck[i::4][:5] for i in range(4)]
for h in hands:
    print(" ".join(sorted(h, key=lambda c: ("23456789TJQKA".index(c[0]), c[1]))))

queue, served, waits, clock = [], 0, [], 0
next_arrival = 0
customer = 0
busy_until = 0
while clock < 200:
    if clock == next_arrival:
        queue.append((customer, clock))
        customer += 1
        next_arrival = clock + rng.randint(1, 6)
    if queue and clock >= busy_until:
        cid, arrived = queue.pop(0)
        waits.append(clock - arrived)
        busy_until = clock + rng.randint(2, 5)
        served += 1
    clock += 1
print(f"customers={customer} served={served} left_in_queue={len(queue)}")
print(f"avg wait={sum(waits) / len(waits):.2f} max wait={max(waits)} zero waits={waits.count(0)}")

inside = sum(1 for _ in range(20000) if rng.random() ** 2 + rng.random() ** 2 <= 1)
print("pi ~", 4 * inside / 20000)

pos, visits = 0, {}
for _ in range(1000):
    pos += rng.choice((-1, 1))
    visits[pos] = visits.get(pos, 0) + 1
print("walk end", pos, "range", min(visits), max(visits), "most visited", max(visits, key=lambda k: (visits[k], k)))

population = {"rabbits": 100.0, "foxes": 10.0}
for year in range(1, 11):
    r, f = population["rabbits"], population["foxes"]
    population["rabbits"] = max(0.0, r + 0.5 * r - 0.02 * r * f)
    population["foxes"] = max(0.0, f + 0.01 * r * f - 0.4 * f)
    print(f"year {year:2}: " + ", ".join(f"{k}={v:8.2f}" for k, v in population.items()))

board = [[0] * 10 for _ in range(10)]
ant = [5, 5, 0]
for step in range(300):
    r, c, d = ant
    d = (d + (1 if board[r][c] == 0 else -1)) % 4
    board[r][c] ^= 1
    dr, dc = [(-1, 0), (0, 1), (1, 0), (0, -1)][d]
    ant = [(r + dr) % 10, (c + dc) % 10, d]
print("\n".join("".join("#" if x else "." for x in row) for row in board))
print("black cells", sum(map(sum, board)), "ant", ant)
