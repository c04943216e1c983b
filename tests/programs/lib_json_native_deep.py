# Deep nesting: RecursionError like CPython's, never a crashed stack.
import json
import sys

for doc in ['[' * 100000 + ']' * 100000,
            '{"a":' * 100000 + '1' + '}' * 100000,
            '{"a":' * 100000 + '[1]' + '}' * 100000]:
    try:
        json.loads(doc)
    except RecursionError as e:
        print('RecursionError', e)

l, d = [], {}
for _ in range(100000):
    l, d = [l], {'k': d}
for obj in (l, d):
    try:
        json.dumps(obj)
    except RecursionError as e:
        print('RecursionError', e)

class Endless(json.JSONEncoder):
    def default(self, o):
        return [o]

try:
    Endless(check_circular=False).encode(5j)
except RecursionError as e:
    print('RecursionError', e)

# Moderate depth works, and the limit is restored afterwards.
limit = sys.getrecursionlimit()
deep = json.loads('[' * 500 + '1' + ']' * 500)
print(json.dumps(deep).count('['), sys.getrecursionlimit() == limit)
d = json.loads('{"a":' * 400 + '{}' + '}' * 400)
print(len(json.dumps(d)))

# Nesting close to the limit fails or not as in CPython.
sys.setrecursionlimit(100)
for depth in (50, 95, 120):
    try:
        json.loads('[' * depth + ']' * depth)
        print(depth, 'ok')
    except RecursionError:
        print(depth, 'RecursionError')
sys.setrecursionlimit(limit)
