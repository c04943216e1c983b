# termios: constants from the C library, argument checks, and termios.error
# for a descriptor that is no terminal.
import posix
import termios

for name in ["B9600", "B38400", "TCSANOW", "TCSADRAIN", "TCSAFLUSH", "ICANON", "ECHO",
             "VMIN", "VTIME", "NCCS", "TIOCGWINSZ", "CINTR", "CEOF", "VSWTCH", "N_TTY",
             "TIOCPKT_DOSTOP", "IOCSIZE_MASK", "CS8", "TCIFLUSH", "TCOON"]:
    print(name, getattr(termios, name))
print(termios.error, termios.error.__mro__)
print(sorted(n for n in dir(termios) if n.islower() and not n.startswith("_")))

r, w = posix.pipe()
for f, args in [
    (termios.tcgetattr, (r,)),
    (termios.tcsetattr, (r, termios.TCSANOW, [0, 0, 0, 0, 0, 0, [b"\0"] * termios.NCCS])),
    (termios.tcsendbreak, (r, 0)),
    (termios.tcdrain, (r,)),
    (termios.tcflush, (r, termios.TCIFLUSH)),
    (termios.tcflow, (r, termios.TCOON)),
    (termios.tcgetwinsize, (r,)),
    (termios.tcsetwinsize, (r, (24, 80))),
]:
    try:
        f(*args)
    except termios.error as e:
        print(f.__name__, "error:", e.args)

for args in [(r, 0, "x"), (r, 0, [1, 2]), (r, "a", [0] * 7), ("x", 0, [0] * 7)]:
    try:
        termios.tcsetattr(*args)
    except TypeError as e:
        print("tcsetattr TypeError:", e)
for args in [(r, 5), (r, (1,)), (r, [1, 2, 3])]:
    try:
        termios.tcsetwinsize(*args)
    except TypeError as e:
        print("tcsetwinsize TypeError:", e)
try:
    termios.tcgetattr()
except TypeError as e:
    print("TypeError:", e)
posix.close(r)
posix.close(w)
