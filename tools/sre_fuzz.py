#!/usr/bin/env python3
"""Differential fuzzing of `_sre`: random patterns and subjects, CPython against Pith.

Writes a program that compiles each random pattern with CPython's own
`re._compiler` code (embedded, so Pith runs it through `_sre.compile` without
the `re` package) and prints match/search/fullmatch spans, marks, lastindex,
findall, split and subn. Run it under both and diff:

    python3 tools/sre_fuzz.py SEED COUNT > /tmp/f.py
    python3 /tmp/f.py > /tmp/f.cpy; target/debug/pith /tmp/f.py > /tmp/f.pith
    diff /tmp/f.cpy /tmp/f.pith

Some random patterns backtrack catastrophically (in CPython too); use a timeout.
"""

import random
import re
import sys
from re import _compiler, _parser

random.seed(int(sys.argv[1]))
atoms = ['a', 'b', 'c', '.', '[ab]', '[^a]', r'\w', r'\d', r'\s', 'x', '(a)', '(b|c)', '(?:ab)', '(a|ab)', '()',
         r'\b', '^', '$', '(?=a)', '(?!b)', '(?<=a)', '(?<!b)', r'(?P<g>a|b)', '[a-c]', '(?>a|ab)', 'A']
quants = ['', '', '', '*', '+', '?', '*?', '+?', '??', '{2}', '{1,2}', '{0,2}?', '*+', '++', '?+']
def gen(d=0):
    n = random.randint(1, 4)
    out = ''
    for _ in range(n):
        r = random.random()
        if r < 0.15 and d < 2:
            a = '(' + gen(d + 1) + ('|' + gen(d + 1) if random.random() < 0.5 else '') + ')'
        elif r < 0.22 and d < 2:
            a = '(?:' + gen(d + 1) + '|' + gen(d + 1) + ')'
        else:
            a = random.choice(atoms)
        q = random.choice(quants)
        if a in ('^', '$', r'\b') or a.startswith('(?=') or a.startswith('(?!') or a.startswith('(?<'):
            q = ''
        out += a + q
    return out
cases = []
table = {}
for i in range(int(sys.argv[2])):
    p = gen()
    if random.random() < 0.3:
        p = p + r'\1' if '(' in p and random.random() < 0.3 else p
    flags = random.choice([0, 0, 2, 8, 16, 256])
    try:
        re.compile(p, flags)
    except Exception:
        continue
    if p.count('(?P<g>') > 1:
        continue
    pp = _parser.parse(p, flags)
    code = [int(c) for c in _compiler._code(pp, flags)]
    ig = [None] * pp.state.groups
    for k, v in pp.state.groupdict.items(): ig[v] = k
    table[(p, flags)] = (flags | pp.state.flags, code, pp.state.groups - 1, dict(pp.state.groupdict), tuple(ig))
    s = ''.join(random.choice('abcA x\n1éÉ') for _ in range(random.randint(0, 14)))
    cases.append((p, flags, s))
print('import _sre')
print('_TABLE = %r' % table)
print('''
def compile(pattern, flags=0):
    fl, code, groups, groupindex, indexgroup = _TABLE[pattern, flags]
    return _sre.compile(pattern, fl, code, groups, groupindex, indexgroup)
CASES = %r
for p, f, s in CASES:
    c = compile(p, f)
    out = []
    for m in (c.match(s), c.search(s), c.fullmatch(s)):
        out.append(m and (m.span(), m.regs, m.lastindex, m.lastgroup))
    out.append(c.findall(s))
    out.append(c.split(s))
    out.append(c.subn('-', s))
    print(repr(p), f, repr(s), out)
''' % cases)
