# A set display of string constants is ordered by what earlier compiled
# code interned: when a name-like element equals a string an earlier module
# (or compile() call) interned, CPython rebuilds the frozenset constant once
# more. Modules compiled in one process see each other's strings.
import os
import sys
import tempfile

FIRST = """
PANTRY = {'water', 'tomato', 'bulgur', 'salt', 'olive oil', 'lemon juice'}
def spice(name, amount=1):
    return {'cumin': amount, 'sumac': amount * 2}.get(name)
"""

SECOND = """
DISH = {'bulgur', 'olive oil', 'persian cucumber', 'pomegranate molasses', 'tomato paste',
        'spring onion', 'lemon juice', 'tomato', 'chopped parsley', 'water'}
SPICES = {'cumin', 'sumac', 'chili flakes', 'black pepper', 'dried mint', 'za atar', 'amount'}
WORDS = {'spice', 'pantry', 'amount_of', 'PANTRY', 'name', 'get', 'extra word'}
"""

with tempfile.TemporaryDirectory() as root:
    for name, text in (("lib_sl_first", FIRST), ("lib_sl_second", SECOND)):
        with open(os.path.join(root, name + ".py"), "w") as f:
            f.write(text)
    sys.path.insert(0, root)
    import lib_sl_first
    import lib_sl_second

    print(lib_sl_first.PANTRY)
    for s in (lib_sl_second.DISH, lib_sl_second.SPICES, lib_sl_second.WORDS):
        print(s)
        print(sorted(s) == sorted(set(s)), list(s) == list(frozenset(s)))

code = compile("{'sumac', 'cumin', 'nutmeg', 'clove', 'mace', 'anise', 'fennel seed'}", "<x>", "eval")
print(eval(code))
exec("nutmeg = clove = 1")
print(eval(compile("{'nutmeg', 'clove', 'mace', 'anise', 'fennel seed', 'star anise'}", "<y>", "eval")))
