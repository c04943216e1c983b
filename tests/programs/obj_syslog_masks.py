# syslog: the C library's constants, the mask helpers and argument errors
# (nothing is logged).
import syslog

for name in ["LOG_EMERG", "LOG_ALERT", "LOG_ERR", "LOG_INFO", "LOG_DEBUG", "LOG_PID",
             "LOG_CONS", "LOG_NDELAY", "LOG_PERROR", "LOG_USER", "LOG_MAIL", "LOG_LOCAL0",
             "LOG_LOCAL7", "LOG_AUTHPRIV", "LOG_SYSLOG", "LOG_CRON"]:
    print(name, getattr(syslog, name))
print(syslog.LOG_MASK(3), syslog.LOG_UPTO(3), syslog.LOG_UPTO(syslog.LOG_DEBUG))
print(syslog.setlogmask(0) == syslog.setlogmask(0))
old = syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_WARNING))
print(syslog.setlogmask(0) == syslog.LOG_UPTO(syslog.LOG_WARNING))
syslog.setlogmask(old)
for f, a, k in [
    (syslog.syslog, (), {"message": "x"}),
    (syslog.syslog, ("a", "b"), {}),
    (syslog.syslog, (), {}),
    (syslog.syslog, (b"x",), {}),
    (syslog.openlog, (None,), {}),
    (syslog.openlog, ("a", 1, 2, 3), {}),
    (syslog.openlog, (), {"bad": 1}),
    (syslog.openlog, ("\udc80",), {}),
    (syslog.setlogmask, (), {}),
    (syslog.setlogmask, ("a",), {}),
    (syslog.LOG_MASK, (1, 2), {}),
    (syslog.closelog, (1,), {}),
]:
    try:
        f(*a, **k)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
syslog.closelog()
syslog.closelog()
