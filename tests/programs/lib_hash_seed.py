# PYTHONHASHSEED in a child interpreter: fixed seeds give CPython's hashes
# of str and bytes, "random" (and no seed) random ones, a bad value a
# start-up error.
import os
import subprocess
import sys

CODE = (
    "import sys; print(sys.flags.hash_randomization, "
    "[hash(x) for x in ('abc', 'caf\\xe9', '\\u20ac1', '\\U0001f600', b'xyz', '', "
    "'a' * 40, memoryview(b'mv'))])"
)


def child(seed, code=CODE, *options):
    env = dict(os.environ)
    env.pop("PYTHONHASHSEED", None)
    if seed is not None:
        env["PYTHONHASHSEED"] = seed
    p = subprocess.run(
        [sys.executable, *options, "-c", code], env=env, capture_output=True, text=True
    )
    return p.returncode, p.stdout.strip(), p.stderr.strip()


for seed in ("0", "1", "42", " 7", "+8", "-0", "4294967295"):
    print(repr(seed), child(seed))
for seed in ("4294967296", "x", "-1", "1 ", "0x10"):
    print(repr(seed), child(seed))
one, two = child("random")[1], child("random")[1]
print("random differs:", one != two, one.split()[0])
print("unset differs from seed 0:", child(None)[1] != child("0")[1])
print("-E ignores the seed:", child("0", CODE, "-E")[1] != child("0")[1])
