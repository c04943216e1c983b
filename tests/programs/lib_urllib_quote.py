# urllib.parse quotes through a dict subclass with __missing__ whose bound
# __getitem__ it calls directly: a builtin slot method bound to a subclass
# instance must still reach __missing__.
from urllib.parse import (
    parse_qs,
    parse_qsl,
    quote,
    quote_from_bytes,
    quote_plus,
    unquote,
    unquote_plus,
    urlencode,
    urljoin,
    urlparse,
    urlsplit,
    urlunparse,
)


class Quoter(dict):
    def __init__(self, safe):
        self.safe = safe

    def __missing__(self, b):
        res = chr(b) if b in self.safe else "%{:02X}".format(b)
        self[b] = res
        return res


q = Quoter(b"abc")
get = q.__getitem__
print(get(97), get(32), sorted(q.items()))
print(dict.__getitem__(q, 98), Quoter.__getitem__(q, 255), len(q))
print(type(get).__name__, "Quoter object" in repr(get))
try:
    dict.__getitem__({}, "k")
except KeyError as e:
    print("KeyError", e)


class Plain(dict):
    pass


try:
    Plain().__getitem__("nope")
except KeyError as e:
    print("KeyError", e)
print(Plain(a=1).__getitem__("a"), Plain(a=1).__len__(), Plain(a=1).__contains__("a"))

print(quote("a b/c?d=é&x"), quote("a b/c", safe=""), quote_plus("a b+c"))
print(quote(b"\x00\xff"), quote("~_-."), quote_from_bytes(b"a/b c"))
print(unquote("%E2%98%83%20x"), unquote_plus("a+b%2B"), unquote("%zz"))
print(urlencode({"q": "hello world", "n": 5, "l": ["a", "b"]}))
print(urlencode({"l": ["a", "b"], "s": "x&y"}, doseq=True))
u = urlparse("https://user:pw@www.example.com:8080/path/to;params?q=1&r=2#frag")
print(u)
print(u.scheme, u.netloc, u.hostname, u.port, u.username, u.password)
print(u.path, u.params, u.query, u.fragment)
print(urlunparse(u), u._replace(scheme="http").geturl())
print(urlsplit("http://x/y?z#w"))
print(parse_qs("a=1&a=2&b=3&c="), parse_qsl("a=1&b=&c", keep_blank_values=True))
print(urljoin("http://a/b/c/d", "../e"), urljoin("http://a/b/", "http://x/y"))
print(urljoin("http://a/b/c", "?q"))
try:
    urlparse("http://[::1").netloc
except ValueError as e:
    print("ValueError", e)
