# Set displays of constants compile to a frozenset constant whose order
# CPython fixes while compiling, with the process's string hashes: under
# any fixed PYTHONHASHSEED a child interpreter lists the literal, the
# constant and sets built from it in CPython's order.
import os
import subprocess
import sys

CODE = """
def f():
    return {'red', 'green', 'blue', 'yellow', 'black', 'white', 'orange', 'purple', 'brown'}
print(f())
print(f.__code__.co_consts[1])
print({'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'})
print(frozenset({'heron', 'otter', 'lynx', 'wren', 'horse', 'cow'}))
print([w for w in {'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu'}])
print({b'ab', b'cd', b'ef', b'gh', b'ij'}, {'x1', 2, 'y3', 4.5, 'z6', (7, 'w8')})
print('pear' in {'apple', 'pear', 'plum', 'fig'}, sorted({'apple', 'pear', 'plum'}))
for word in {'one', 'two', 'three', 'four', 'five', 'six'}:
    print(word, end=' ')
print()
"""


def child(seed):
    env = dict(os.environ, PYTHONHASHSEED=seed)
    p = subprocess.run([sys.executable, "-c", CODE], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


for seed in ("0", "1", "2", "3", "17", "123", "4294967295"):
    code, out, err = child(seed)
    print("seed", seed, code, err)
    print(out, end="")
