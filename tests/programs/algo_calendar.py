MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_in(y, m):
    return [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


def weekday(y, m, d):
    """Monday = 0, by Zeller's congruence."""
    if m < 3:
        m += 12
        y -= 1
    k, j = y % 100, y // 100
    h = (d + 13 * (m + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return (h + 5) % 7


def month_text(y, m):
    lines = [f"{MONTHS[m - 1]} {y}".center(20).rstrip(), " ".join(DAYS)]
    cells = ["  "] * weekday(y, m, 1) + [f"{d:2}" for d in range(1, days_in(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    return "\n".join(lines)


def day_of_year(y, m, d):
    return sum(days_in(y, k) for k in range(1, m)) + d


def days_between(a, b):
    def ordinal(y, m, d):
        y1 = y - 1
        return y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400 + day_of_year(y, m, d)
    return ordinal(*b) - ordinal(*a)


print(month_text(2024, 2))
print()
print(month_text(2023, 10))
print([y for y in range(1896, 1920) if is_leap(y)], is_leap(2000), is_leap(1900))
for date in [(2000, 1, 1), (1969, 7, 20), (2024, 2, 29), (1999, 12, 31)]:
    print("%04d-%02d-%02d" % date, DAYS[weekday(*date)], day_of_year(*date))
print(days_between((1970, 1, 1), (2000, 1, 1)), days_between((2024, 1, 1), (2025, 1, 1)))
fridays = [(y, m) for y in range(2023, 2026) for m in range(1, 13) if weekday(y, m, 13) == 4]
print("Friday 13th:", ", ".join(f"{MONTHS[m - 1][:3]} {y}" for y, m in fridays))
secs = 987654
mins, s = divmod(secs, 60)
hours, mins = divmod(mins, 60)
days, hours = divmod(hours, 24)
print(f"{secs}s = {days}d {hours:02}:{mins:02}:{s:02}")
def parse_time(t):
    h, m = map(int, t.split(":"))
    return h * 60 + m
shifts = [("09:00", "17:30"), ("22:15", "06:45"), ("12:00", "12:00")]
for a, b in shifts:
    dur = (parse_time(b) - parse_time(a)) % (24 * 60)
    print(f"{a}-{b}: {dur // 60}h{dur % 60:02d}m")
print(sum(1 for y in range(1901, 2001) for m in range(1, 13) if weekday(y, m, 1) == 6))
