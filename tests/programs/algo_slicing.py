a = list(range(10))
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__ + ":", e)
def s1(): b = a[:]; b[::2] = [1, 2]; return b
t(s1)
def s2(): b = a[:]; b[1:3] = "xyz"; return b
t(s2)
def s3(): b = a[:]; del b[::3]; return b
t(s3)
def s4(): b = a[:]; b[::-2] = range(5); return b
t(s4)
def s5(): b = a[:]; b[5:2] = [0]; return b
t(s5)
def s6(): b = a[:]; b[-1:-100:-3] = []; return b
t(s6)
t(lambda: a[slice(1, 8, 3)])
t(lambda: a[::-1][::2])
t(lambda: "hello world"[-1:-6:-1])
t(lambda: (1, 2, 3, 4)[::-2])
t(lambda: range(10)[::-3])
t(lambda: range(10)[2:-2][1])
t(lambda: a[1.5])
t(lambda: a["1":])
t(lambda: a[None:None:None])
t(lambda: a[-3:-1] + a[9:100])
t(lambda: "abc"[1:1] == "")
def s7(): b = a[:]; b[len(b):] = [10, 11]; return b
t(s7)
def s8(): b = a[:]; b[:0] = ["start"]; return b[:3]
t(s8)
def s9(): b = [1, 2, 3]; b[1:2] = []; return b
t(s9)
def s10(): b = bytearray(b"hello"); b[1:3] = b"EY"; return b
t(s10)
t(lambda: [1, 2, 3][3:0:-1])
t(lambda: list(reversed(a))[:3])
t(lambda: a[::100])
t(lambda: a[-100::3])
def s11(): b = a[:]; b[::2] = []; return b
t(s11)
def s12(): s = "x"; s[0] = "y"
t(s12)
def s13(): r = range(3); r[0] = 1
t(s13)
def s14(): b = [0] * 3; del b[5]
t(s14)
def s15(): b = [0] * 3; del b[1:100]; return b
t(s15)
