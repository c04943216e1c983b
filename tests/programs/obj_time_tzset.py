# time.tzset() and local time following TZ, as the C library reads it.
import posix
import time

T = 1700000000  # 2023-11-14 22:13:20 UTC
SUMMER = 1688212800  # 2023-07-01 12:00:00 UTC

for tz in [
    "UTC",
    "EST+05EDT,M3.2.0,M11.1.0",
    "AEST-10AEDT-11,M10.5.0,M3.5.0",
    "<+0330>-3:30",
    "CET-1CEST,M3.5.0,M10.5.0/3",
    "XYZABCDEFGHIJ+2",
]:
    posix.putenv("TZ", tz)
    time.tzset()
    print(tz)
    print("  zone:", time.timezone, time.altzone, time.daylight, time.tzname)
    for t in (T, SUMMER):
        lt = time.localtime(t)
        print("  localtime:", tuple(lt), lt.tm_zone, lt.tm_gmtoff)
        print("  mktime:", time.mktime(lt))
        print("  strftime:", time.strftime("%Y-%m-%d %H:%M:%S %Z %z", lt))
        print("  ctime:", time.ctime(t))
    # A plain tuple carries no zone: %Z is tzname[isdst].
    print("  %Z of tuples:", time.strftime("%Z", (2023, 1, 1, 0, 0, 0, 0, 1, 0)),
          time.strftime("%Z", (2023, 7, 1, 0, 0, 0, 0, 182, 1)))
    # mktime normalizes out-of-range fields and guesses summer time (-1).
    print("  mktime normalizes:", time.mktime((2023, 13, 32, 25, 61, 61, 0, 0, -1)))
    print("  asctime:", time.asctime(time.localtime(SUMMER)))

try:
    time.tzset(1)
except TypeError as e:
    print("TypeError:", e)
try:
    time.mktime((2023, 1, 1))
except TypeError as e:
    print("TypeError:", e)
