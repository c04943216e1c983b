# tty and pty import and drive a pseudo-terminal through termios.
import os
import pty
import termios
import tty

master, slave = pty.openpty()
print(os.isatty(master), os.isatty(slave), os.ttyname(slave).startswith("/dev/pts/"))
attrs = termios.tcgetattr(slave)
print(len(attrs), len(attrs[6]), all(isinstance(a, int) for a in attrs[:6]))
print("canonical:", bool(attrs[3] & termios.ICANON), "echo:", bool(attrs[3] & termios.ECHO))
print("cc types:", type(attrs[6][termios.VINTR]).__name__, attrs[6][termios.VINTR])

tty.setraw(slave)
raw = termios.tcgetattr(slave)
print("after setraw canonical:", bool(raw[3] & termios.ICANON), "echo:",
      bool(raw[3] & termios.ECHO))
print("VMIN/VTIME ints:", raw[6][termios.VMIN], raw[6][termios.VTIME])

termios.tcsetattr(slave, termios.TCSANOW, attrs)
back = termios.tcgetattr(slave)
print("restored:", back[:4] == attrs[:4])

tty.setcbreak(slave)
print("cbreak canonical:", bool(termios.tcgetattr(slave)[3] & termios.ICANON))

termios.tcsetwinsize(slave, (33, 101))
print("winsize:", termios.tcgetwinsize(slave), termios.tcgetwinsize(master))
try:
    termios.tcsetwinsize(slave, (70000, 1))
except OverflowError as e:
    print("OverflowError:", e)

termios.tcflush(slave, termios.TCIOFLUSH)
termios.tcflow(slave, termios.TCOON)
termios.tcdrain(slave)
os.write(master, b"ping\n")
# A pseudo-terminal may hand the line over in pieces.
line = b""
while not line.endswith(b"\n"):
    line += os.read(slave, 100)
print(line)
os.close(master)
os.close(slave)
