# strftime's week-number and ISO-week directives.
from datetime import date, timedelta
d = date(2019, 12, 25)
for i in range(0, 400, 9):
    x = d + timedelta(days=i)
    print(x, x.strftime("%U %W %V %G %g %k %l %a"))
