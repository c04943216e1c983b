data = [1, 2, 3, 4]
squares = [x * x for x in data]
evens = {x for x in data if x % 2 == 0}
mapping = {x: str(x) for x in data}
gen = (x + 1 for x in data)
pairs = [(x, y) for x in data for y in data if x < y]
nested = [[y for y in range(x)] for x in data]
print(squares, evens, mapping, list(gen), pairs, nested)
print(sum(x for x in data))
