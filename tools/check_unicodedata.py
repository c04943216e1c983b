#!/usr/bin/env python3
"""Compare Pith's `unicodedata` with CPython 3.11's over every code point.

Runs one program under both interpreters: it prints, for every code point,
each property and normalization form (current database and `ucd_3_2_0`),
plus a few thousand random strings, then the two outputs are compared line
by line. Slow (a few minutes), so it is not part of CI.

Usage: python3 tools/check_unicodedata.py [path/to/pith]
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PROGRAM = r'''
import sys, unicodedata, random
out = sys.stdout
start, stop = int(sys.argv[1]), int(sys.argv[2])
for db, tag in ((unicodedata, "cur"), (unicodedata.ucd_3_2_0, "3.2")):
    for cp in range(start, stop):
        c = chr(cp)
        row = [tag, "%X" % cp, db.category(c), db.bidirectional(c), str(db.combining(c)),
               db.east_asian_width(c), str(db.mirrored(c)), db.decomposition(c),
               str(db.decimal(c, None)), str(db.digit(c, None)), repr(db.numeric(c, None)),
               str(db.name(c, None))]
        for form in ("NFC", "NFD", "NFKC", "NFKD"):
            n = db.normalize(form, c)
            row.append(ascii(n) if n != c else "=")
        name = db.name(c, None)
        if name is not None:
            try:
                found = db.lookup(name)
                row.append("ok" if found == c else ascii(found))
            except KeyError:
                row.append("missing")
        out.write(" ".join(row) + "\n")
if start == 0:
    rng = random.Random(1234)
    pool = [cp for cp in range(0x10000) if unicodedata.combining(chr(cp))
            or unicodedata.decomposition(chr(cp))] + list(range(0x1100, 0x1200)) \
        + list(range(0xAC00, 0xAC40)) + [0x41, 0x61, 0x20, 0x3B1]
    for i in range(4000):
        s = "".join(chr(rng.choice(pool)) for _ in range(rng.randint(1, 8)))
        for db in (unicodedata, unicodedata.ucd_3_2_0):
            row = [ascii(db.normalize(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")]
            row += [str(db.is_normalized(f, s)) for f in ("NFC", "NFD", "NFKC", "NFKD")]
            out.write(" ".join(row) + "\n")
'''


def main():
    pith = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/pith")
    with tempfile.TemporaryDirectory() as tmp:
        prog = os.path.join(tmp, "ucd_dump.py")
        with open(prog, "w") as f:
            f.write(PROGRAM)
        bad = 0
        step = 0x10000
        for start in range(0, 0x110000, step):
            args = [prog, str(start), str(start + step)]
            want = subprocess.run([sys.executable] + args, capture_output=True, text=True).stdout
            got = subprocess.run([pith] + args, capture_output=True, text=True)
            if got.returncode != 0:
                print(f"pith failed at {start:X}: {got.stderr[-2000:]}")
                bad += 1
                continue
            wl, gl = want.splitlines(), got.stdout.splitlines()
            if len(wl) != len(gl):
                print(f"{start:X}: {len(gl)} lines, CPython {len(wl)}")
            for w, g in zip(wl, gl):
                if w != g:
                    bad += 1
                    if bad <= 40:
                        print(f"CPython: {w}\n   Pith: {g}")
            print(f"plane {start >> 16}: {len(wl)} lines compared", flush=True)
        print("mismatches:", bad)
        sys.exit(1 if bad else 0)


main()
