import _io, codecs
D=_io.IncrementalNewlineDecoder
for f in [lambda: D(), lambda: D(None), lambda: D(None,"x"), lambda: D(None,True,1), lambda: D(None,True,'strict',3), lambda: D(decoder=None, translate=1, errors='x'),
  lambda: D(None,True).decode(b"x"), lambda: D(None,True).decode("x", 2.0), lambda: D(None,True).decode(), lambda: D(None,True).setstate(1), lambda: D(None,True).setstate((1,)),
  lambda: D(None,True).setstate((b"", 1.5)),lambda: D(None,True).getstate(), lambda: D(None, False).newlines, lambda: D.__new__(D).decode("x"), lambda: D.__new__(D).newlines,
  lambda: D(None,True).decode(input="a\r", final=True), lambda: D(codecs.getincrementaldecoder('utf-8')(), False).getstate(), lambda: D(None,True).x]:
    try: r = f(); print(type(r).__name__ if isinstance(r, D) else repr(r))
    except Exception as e: print(type(e).__name__, e)
d=D(None,False); print(repr(d.decode("a\r")), d.getstate(), repr(d.decode("\nb\rc\r")), d.newlines, d.getstate()); d.setstate((b"",0)); print(d.getstate(), repr(d.decode("", True))); d.reset(); print(d.newlines)
print(D.__module__, D.__name__, hasattr(D(None,1),'__dict__'))
class S(D): pass
s=S(None,True); s.y=1; print(repr(s.decode("a\r\n\r", final=True)), s.newlines)
u = D(codecs.getincrementaldecoder('utf-8')(), True)
out = [u.decode(bytes([b])) for b in "x\r\ny\u00e9\rz\n\r".encode()]
print(out, u.getstate(), repr(u.decode(b"", True)), u.newlines)
u.setstate((b"\xc3", 3)); print(u.getstate(), repr(u.decode(b"\xa9")))
for seq in ["a\n", "a\r", "a\r\n", "a\r\nb\n", "a\rb\n", "a\rb\r\n", "\r\n\r\n\n\r"]:
    d = D(None, False); d.decode(seq, True); print(repr(seq), d.newlines)
