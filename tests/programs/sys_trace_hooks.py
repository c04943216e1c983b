import sys

events = []
def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name in ('tracer', 'local'):
        return None
    a = arg
    if event == 'exception':
        a = (arg[0].__name__, str(arg[1]))
    elif event == 'return':
        a = repr(arg)
    events.append((event, name, frame.f_lineno, a))
    return tracer

def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            pass
        total += i
    while n > 0:
        n -= 1
    return total

def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print("got", x)
    return "done"

def raiser():
    raise ValueError("bad")

def catcher():
    try:
        raiser()
    except ValueError as e:
        r = str(e)
    finally:
        r2 = 1
    return r

def delegating():
    r = yield from gen(2)
    return r

class C:
    def __init__(self, v):
        self.v = v
    @property
    def double(self):
        return self.v * 2

def main():
    loop(3)
    g = gen(3)
    next(g)
    g.send("hi")
    list(g)
    catcher()
    list(delegating())
    c = C(4)
    c.double
    [x for x in range(2)]
    try:
        raiser()
    except ValueError:
        pass
    return len([1, 2])

sys.settrace(tracer)
main()
sys.settrace(None)
for e in events:
    print(*e)
print(sys.gettrace())

# a trace function that stops tracing a frame's lines but keeps others
log = []
def picky(frame, event, arg):
    log.append((event, frame.f_code.co_name, frame.f_lineno))
    if frame.f_code.co_name == 'quiet':
        return None
    return picky
def quiet():
    a = 1
    b = 2
    return a + b
def loud():
    a = quiet()
    return a
sys.settrace(picky)
loud()
sys.settrace(None)
print(log)

# f_trace_lines off, opcodes on
log2 = []
def opcodes(frame, event, arg):
    if event == 'call':
        frame.f_trace_lines = False
        frame.f_trace_opcodes = True
    log2.append((event, frame.f_lineno))
    return opcodes
def tiny(a):
    return a + 1
sys.settrace(opcodes)
tiny(1)
sys.settrace(None)
print(log2[:3], len(log2) > 3)

# profile
plog = []
def prof(frame, event, arg):
    if event.startswith('c_'):
        plog.append((event, frame.f_code.co_name, arg.__name__))
    else:
        plog.append((event, frame.f_code.co_name, repr(arg)))
def work():
    l = []
    l.append(3)
    sorted([3, 1])
    try:
        int("x")
    except ValueError:
        pass
    try:
        len(5)
    except TypeError:
        pass
    return gen2()
def gen2():
    return sum(i for i in range(2))
sys.setprofile(prof)
work()
sys.setprofile(None)
for p in plog:
    print(*p)
print(sys.getprofile())

# a trace function that raises
def bad(frame, event, arg):
    if event == 'line':
        raise RuntimeError("tracer failed")
    return bad
def victim():
    x = 1
    return x
sys.settrace(bad)
try:
    victim()
except RuntimeError as e:
    print("caught", e, sys.gettrace())
sys.settrace(None)
def tr4(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno)
    return tr4
def g(): return 1
def h():
    x = yield 1; yield 2
def k(a,
      b):
    return a
sys.settrace(tr4)
g()
it = h(); next(it); next(it)
k(1,
  2)
sys.settrace(None)
