#!/usr/bin/env python3
"""Write crates/repr/tests/float_reprs.txt: float bit patterns and CPython
3.11's repr() of each, for pith-repr's differential test.

Usage: python3 tools/gen_float_reprs.py
"""
import os
import random
import struct
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "repr", "tests", "float_reprs.txt")


def main():
    assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"
    rng = random.Random(3_11)
    values = [0.0, -0.0, float("inf"), float("-inf"), 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308]
    values += [2.0 ** k for k in range(-1074, 1024, 7)]
    values += [rng.uniform(-1e6, 1e6) for _ in range(500)]
    values += [struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0] for _ in range(1500)]
    values += [round(rng.uniform(0, 1000), rng.randrange(0, 6)) for _ in range(300)]
    values += [10.0 ** k for k in range(-20, 23)] + [1e16, 1e15, 123456789.0, 0.1 + 0.2]
    with open(OUT, "w") as f:
        for v in values:
            if v != v:
                continue
            bits = struct.unpack("<Q", struct.pack("<d", v))[0]
            f.write(f"{bits:016x} {v!r} {complex(0, v)!r} {complex(v, -v)!r}\n")


main()
