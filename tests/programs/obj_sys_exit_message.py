# An uncaught SystemExit with a tuple code prints the tuple; a message with
# a lone surrogate is written with backslashreplace.
import sys

sys.stderr.write("before,")
try:
    sys.exit((17, 23))
except SystemExit as e:
    print("code", e.code)
sys.exit("surrogates:\udcff")
