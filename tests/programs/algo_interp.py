class Token:
    __slots__ = ("kind", "text", "pos")

    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos

    def __repr__(self):
        return f"{self.kind}:{self.text!r}"


class CalcError(Exception):
    def __init__(self, msg, pos=None):
        super().__init__(msg if pos is None else f"{msg} at column {pos}")
        self.pos = pos


def tokenize(src):
    i, out = 0, []
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            out.append(Token("num", src[i:j], i))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            out.append(Token("name", src[i:j], i))
            i = j
        elif src.startswith("**", i):
            out.append(Token("op", "**", i))
            i += 2
        elif c in "+-*/%()=,":
            out.append(Token("op", c, i))
            i += 1
        else:
            raise CalcError(f"unexpected character {c!r}", i)
    out.append(Token("end", "", len(src)))
    return out


class Parser:
    def __init__(self, tokens):
        self.toks, self.i = tokens, 0

    def peek(self):
        return self.toks[self.i]

    def take(self, text=None):
        t = self.toks[self.i]
        if text is not None and t.text != text:
            raise CalcError(f"expected {text!r}, got {t.text or 'end'!r}", t.pos)
        self.i += 1
        return t

    def statement(self):
        if self.peek().kind == "name" and self.toks[self.i + 1].text == "=":
            name = self.take().text
            self.take("=")
            node = ("assign", name, self.expr())
        else:
            node = self.expr()
        if self.peek().kind != "end":
            raise CalcError(f"trailing {self.peek().text!r}", self.peek().pos)
        return node

    def expr(self):
        node = self.term()
        while self.peek().text in ("+", "-"):
            node = (self.take().text, node, self.term())
        return node

    def term(self):
        node = self.unary()
        while self.peek().text in ("*", "/", "%"):
            node = (self.take().text, node, self.unary())
        return node

    def unary(self):
        if self.peek().text == "-":
            self.take()
            return ("neg", self.unary())
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek().text == "**":
            self.take()
            return ("**", base, self.unary())
        return base

    def atom(self):
        t = self.take()
        if t.kind == "num":
            try:
                return ("num", int(t.text) if "." not in t.text else float(t.text))
            except ValueError:
                raise CalcError(f"bad number {t.text!r}", t.pos) from None
        if t.kind == "name":
            if self.peek().text == "(":
                self.take("(")
                args = [] if self.peek().text == ")" else [self.expr()]
                while self.peek().text == ",":
                    self.take()
                    args.append(self.expr())
                self.take(")")
                return ("call", t.text, args)
            return ("var", t.text)
        if t.text == "(":
            node = self.expr()
            self.take(")")
            return node
        raise CalcError(f"unexpected {t.text or 'end'!r}", t.pos)


FUNCS = {"max": max, "min": min, "abs": abs, "sqrt": lambda x: x ** 0.5, "gcd": None}


def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)


FUNCS["gcd"] = gcd


def evaluate(node, env):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        try:
            return env[node[1]]
        except KeyError:
            raise CalcError(f"undefined variable {node[1]!r}") from None
    if kind == "assign":
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    if kind == "neg":
        return -evaluate(node[1], env)
    if kind == "call":
        if node[1] not in FUNCS:
            raise CalcError(f"unknown function {node[1]}()")
        return FUNCS[node[1]](*(evaluate(a, env) for a in node[2]))
    a, b = evaluate(node[1], env), evaluate(node[2], env)
    try:
        return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b,
                "%": lambda: a % b, "**": lambda: a ** b}[kind]()
    except ZeroDivisionError as e:
        raise CalcError(f"math error: {e}") from e


env = {"pi": 3.141592653589793}
program = """
x = 3
y = x ** 2 ** 2 / 9
-2 ** 2
(1 + 2) * -3 % 4
r = 2.5
area = pi * r ** 2
max(x, y, 100 / 7, -1)
gcd(1071, 462) + abs(-5)
sqrt(2) * sqrt(2)
2 ** 100
10 / (5 - 5)
z + 1
3 $ 4
(1 + 2
foo(1)
1.2.3
x = x + 1
x
"""
for line in program.strip().splitlines():
    try:
        toks = tokenize(line)
        tree = Parser(toks).statement()
        val = evaluate(tree, env)
        print(f"{line:<22} => {val!r}")
    except CalcError as e:
        cause = e.__cause__
        print(f"{line:<22} !! {e}" + (f" (from {type(cause).__name__})" if cause else ""))
print(tokenize("a1 = (b ** 2)"))
print(Parser(tokenize("1 + 2 * x")).statement())
print(sorted((k, v) for k, v in env.items() if k != "pi"))
