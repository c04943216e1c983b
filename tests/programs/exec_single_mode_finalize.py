# Statements compiled in 'single' mode, as an interactive prompt runs them:
# temporaries an expression drops are finalized before its value is shown,
# the previous `_` dies when the next value replaces it, and a future import
# may open an interactive statement.


class Noisy:
    def __init__(self, name):
        self.name = name
        print("made", name)

    def __repr__(self):
        return f"Noisy({self.name!r})"

    def __del__(self):
        print("gone", self.name)


def run(src):
    exec(compile(src, "<prompt>", "single"), globals())


run("Noisy('a') is Noisy('b')\n")
run("Noisy('c') == Noisy('d')\n")
run("Noisy('e').name\n")
run("Noisy('f')\n")
print("before the next value")
run("40 + 2\n")
run("[Noisy('g')][0].name.upper()\n")
run("None\n")

for feature in ("annotations", "division", "generator_stop", "nope"):
    try:
        run(f"from __future__ import {feature}\n")
        print(feature, "accepted")
    except SyntaxError as e:
        print(feature, "->", e.msg)

# Only the first statement may be a future import.
for src in ("x = 1; from __future__ import annotations\n",
            "'doc'\n"):
    try:
        run(src)
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), "->", e.msg)
