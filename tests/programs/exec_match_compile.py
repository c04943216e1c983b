# Compile-time errors of match statements through compile(): message and
# position (SyntaxError's args), from the parser and from the compiler.

SOURCES = [
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case 1 | y | 2:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case [1, (a as a)]:\n        pass\n",
    "match x:\n    case {'x': [a], **a}:\n        pass\n",
    "match x:\n    case [a] | 'xyz':\n        pass\n",
    "match x:\n    case [a, ([a] | [a])]:\n        pass\n",
    "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
    "match x:\n    case {1: 1, 1.0: 2}:\n        pass\n",
    "match x:\n    case {0: 1, False: 2}:\n        pass\n",
    "match x:\n    case [{f'a': 1}]:\n        pass\n",
    "match x:\n    case f'a':\n        pass\n",
    "match x:\n    case Point(a=1, a=2):\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case __debug__:\n        pass\n",
    "match x:\n    case [*__debug__]:\n        pass\n",
    "match x:\n    case 1 + 2:\n        pass\n",
    "match x:\n    case -1j - 2:\n        pass\n",
    "match x:\n    case {**_}:\n        pass\n",
    "match x:\n    case [1] as _:\n        pass\n",
    "match x:\n    case Point(x=1, 2):\n        pass\n",
    "def f(x):\n    match x:\n        case [y]:\n            pass\n        case (y):\n            pass\n        case None:\n            pass\n",
    "match x:\n    case y if y:\n        pass\n    case 2:\n        pass\n",
]

for src in SOURCES:
    first = src.splitlines()[1].strip()
    try:
        compile(src, "<match>", "exec")
    except SyntaxError as e:
        print(f"{first!r}: {e.msg} {e.lineno}:{e.offset}-{e.end_lineno}:{e.end_offset}")
    else:
        print(f"{first!r}: compiled")
