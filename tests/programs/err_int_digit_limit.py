# int() of long strings: the digit limit counts the leading run of digits;
# an invalid literal with few digits is reported as invalid first.
import sys

for text, base in [("x" * 5000, 10), ("1" * 5000 + "x", 10), (" -" + "1_0" * 2500, 10),
                   ("1" * 4300, 10), ("0x" + "f" * 5000, 0), ("7" * 5000, 8), ("z" * 4301, 36)]:
    try:
        print(len(str(int(text, base))))
    except ValueError as e:
        print(str(e)[:100])
sys.set_int_max_str_digits(0)
print(len(str(int("9" * 5000))))
