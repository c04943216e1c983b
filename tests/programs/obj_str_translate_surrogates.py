# str() of a str subclass's instance and str.translate keep lone surrogates.
x = b"test \xacfoo  val".decode("ascii", "surrogateescape")


class S(str):
    pass


s = S(x)
print(ascii(str(s)), type(str(s)).__name__, str(s) == x)
print(ascii(x.translate({ord("t"): "T"})))
print(ascii(x.translate({0xDCAC: None})), ascii(x.translate({0xDCAC: "?"})))
print(ascii("abc".translate({ord("b"): 0xDC80})), ascii("abc".translate({ord("b"): "\udc81x"})))
print(ascii("héllo".translate(str.maketrans("é", "e"))), ascii("abc".translate({97: 98, 99: None})))
try:
    "a".translate({97: 0x110000})
except ValueError as e:
    print("ValueError", e)
try:
    "a".translate({97: 1.5})
except TypeError as e:
    print("TypeError", e)


class Table:
    def __getitem__(self, k):
        if k == 0xDCAC:
            return "<surrogate>"
        raise LookupError


print(ascii(x.translate(Table())))

