# A tokenizer and recursive-descent calculator.
class Token:
    def __init__(self, kind, value):
        self.kind, self.value = kind, value
    def __repr__(self):
        return f"Token({self.kind}, {self.value!r})"
def tokenize(src):
    toks, i = [], 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            toks.append(Token("num", float(text) if "." in text else int(text)))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            toks.append(Token("name", src[i:j])); i = j
        elif c in "+-*/()^%,":
            toks.append(Token("op", c)); i += 1
        else:
            raise SyntaxError(f"bad character {c!r} at {i}")
    toks.append(Token("end", None))
    return toks
import math
FUNCS = {"sqrt": math.sqrt, "max": max, "min": min, "abs": abs}
VARS = {"pi": math.pi, "x": 3}
class Parser:
    def __init__(self, toks): self.toks, self.pos = toks, 0
    def peek(self): return self.toks[self.pos]
    def take(self, kind=None, value=None):
        t = self.toks[self.pos]
        if kind and t.kind != kind or value and t.value != value:
            raise SyntaxError(f"expected {value or kind}, got {t.value!r}")
        self.pos += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek().value in ("+", "-"):
            op = self.take().value
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek().value in ("*", "/", "%"):
            op = self.take().value
            r = self.factor()
            if op == "*": v *= r
            elif op == "/": v /= r
            else: v %= r
        return v
    def factor(self):
        b = self.unary()
        if self.peek().value == "^":
            self.take()
            return b ** self.factor()
        return b
    def unary(self):
        if self.peek().value == "-":
            self.take(); return -self.unary()
        return self.atom()
    def atom(self):
        t = self.take()
        if t.kind == "num": return t.value
        if t.kind == "name":
            if self.peek().value == "(":
                self.take(); args = [self.expr()]
                while self.peek().value == ",":
                    self.take(); args.append(self.expr())
                self.take("op", ")")
                return FUNCS[t.value](*args)
            return VARS[t.value]
        if t.value == "(":
            v = self.expr(); self.take("op", ")"); return v
        raise SyntaxError(f"unexpected {t!r}")
def calc(s):
    p = Parser(tokenize(s))
    v = p.expr()
    p.take("end")
    return v
for e in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x ^ 2", "10 / 4", "10 % 4 + 0.5", "sqrt(16) + max(1, 7, 3)",
          "pi * 2", "abs(-5) - min(2, 9)", "1 +", "2 * (3", "4 $ 4", "1 / 0", "y + 1", "3.5.1"]:
    try:
        print(f"{e:<25} = {calc(e)}")
    except ZeroDivisionError as ex:
        print(f"{e:<25} ! ZeroDivisionError: {ex}")
    except (SyntaxError, KeyError, ValueError) as ex:
        print(f"{e:<25} ! {type(ex).__name__}: {ex}")
print(tokenize("a+1")[:2])
