from datetime import datetime, date, time, timedelta, timezone
import datetime as dtm
d = date(2024, 2, 28)
print(d + timedelta(days=1), d + timedelta(days=2), d.weekday(), d.isoweekday(), d.isoformat(), d.strftime("%A %d %B %Y %j %U %a %b"))
dt = datetime(2023, 12, 31, 23, 59, 30, 123456)
print(dt, repr(dt), dt + timedelta(seconds=45), dt.strftime("%Y-%m-%d %H:%M:%S.%f %p %I"), dt.isoformat(timespec="milliseconds"))
print(datetime.strptime("2021-03-04 05:06:07", "%Y-%m-%d %H:%M:%S"), datetime.fromisoformat("2020-01-02T03:04:05+01:00"))
td = timedelta(days=3, hours=5, minutes=7, seconds=11, microseconds=13)
print(td, repr(td), td.total_seconds(), -td, td * 2, td / 3, td // timedelta(hours=1), abs(-td), timedelta(weeks=1) - td)
print(date(2024, 3, 1) - date(2023, 3, 1), (datetime(2024, 1, 1) - datetime(2023, 6, 15, 12)).days)
tz = timezone(timedelta(hours=5, minutes=30), "IST")
a = datetime(2022, 6, 1, 12, 0, tzinfo=timezone.utc)
print(a, a.astimezone(tz), a.astimezone(tz).tzname(), a.utcoffset(), repr(timezone.utc), timezone(timedelta(hours=-3)))
print(a.timestamp(), datetime.fromtimestamp(0, timezone.utc), datetime.utcfromtimestamp(86400 * 365))
print(time(13, 45, 30), time(1, 2, 3, 4).isoformat(), time.fromisoformat("10:20:30"), date.fromordinal(738000), d.toordinal())
print(date.min, date.max, datetime.max, timedelta.max, timedelta.resolution)
print(d.replace(year=2025), dt.replace(microsecond=0), dt.date(), dt.time(), datetime.combine(d, time(8)))
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2021, 1, 1)]), date(2020, 1, 1) < date(2020, 1, 2), d.timetuple()[:6])
print(tuple(dt.isocalendar()), d.isocalendar().week, date.fromisocalendar(2020, 10, 3), f"{dt:%d/%m/%y}", format(d, "%Y"))
try:
    datetime.strptime("2023-02-30x", "%Y-%m-%d")
except ValueError as e:
    print("ValueError:", e)
try:
    datetime.strptime("2021-13-01", "%Y-%m-%d")
except ValueError as e:
    print("ValueError:", e)
print(hash(date(2020, 1, 1)) == hash(date(2020, 1, 1)), {date(2020, 1, 1): 1}[date(2020, 1, 1)])
print(type(dtm.datetime.now()).__name__, dtm.MINYEAR, dtm.MAXYEAR, str(timedelta(microseconds=-1)), timedelta(0.5))
