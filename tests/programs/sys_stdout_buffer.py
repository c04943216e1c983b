# sys.stdout.buffer takes bytes, in order with text written to sys.stdout.
import sys

print("text first")
sys.stdout.flush()
n = sys.stdout.buffer.write(b"raw bytes \xc3\xa9\n")
sys.stdout.buffer.flush()
print(n)
sys.stdout.buffer.write(bytearray(b"from a bytearray\n"))
sys.stdout.flush()
try:
    sys.stdout.buffer.write("not bytes")
except TypeError as e:
    print("TypeError:", e)
print(sys.stdout.buffer.mode)
