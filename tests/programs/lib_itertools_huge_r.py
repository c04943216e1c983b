# r, repeat and n beyond a C ssize_t are OverflowError; an r whose indices
# cannot be allocated is MemoryError, never a crash.
import itertools

for expr in [
    "itertools.combinations(range(5), 2**64)",
    "itertools.combinations_with_replacement(range(5), 2**64)",
    "itertools.permutations(range(5), 2**64)",
    "itertools.repeat(1, 2**64)",
    "itertools.tee([1], 2**64)",
    "itertools.product([1], repeat=2**64)",
    "itertools.combinations(range(5), 2**62)",
    "itertools.combinations_with_replacement(range(5), 2**62)",
    "itertools.combinations(range(5), -1)",
]:
    try:
        eval(expr)
        print("ok", expr)
    except (OverflowError, MemoryError, ValueError) as e:
        print(type(e).__name__, e)

print(list(itertools.combinations(range(3), 4)), list(itertools.combinations("ab", 0)))
