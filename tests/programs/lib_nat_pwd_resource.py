# pwd, grp and resource as scripts use them (only values that do not depend
# on the machine are printed).
import grp
import os
import pwd
import resource

root = pwd.getpwuid(0)
print(root.pw_name, root.pw_uid, root.pw_gid, root[0], len(root), type(root).__name__)
print(pwd.getpwnam("root") == root, root in pwd.getpwall())
print(pwd.getpwuid(os.getuid()).pw_uid == os.getuid())
print(pwd.struct_passwd.n_fields, pwd.struct_passwd.n_sequence_fields)
g = grp.getgrgid(0)
print(g.gr_name, g.gr_gid, type(g.gr_mem).__name__, grp.getgrnam("root") == g)
print(all(isinstance(x.gr_name, str) for x in grp.getgrall()))
print(sorted(n for n in dir(pwd) if not n.startswith("_")), sorted(n for n in dir(grp) if not n.startswith("_")))


def check(f, *args, **kw):
    try:
        print(f.__name__, args, kw, "->", f(*args, **kw))
    except Exception as e:
        print(f.__name__, args, kw, "!", type(e).__name__, e)


for bad in (99999, -1, -5, 2 ** 40, "x", 1.5):
    check(pwd.getpwuid, bad)
    check(grp.getgrgid, bad)
for bad in ("nosuch", 1, b"root"):
    check(pwd.getpwnam, bad)
    check(grp.getgrnam, bad)
check(pwd.getpwall, 1)
check(pwd.getpwuid)
check(pwd.getpwuid, uid=0)
print(grp.getgrgid(id=0).gr_name, grp.getgrnam(name="root").gr_gid)
try:
    pwd.getpwnam("nosuch")
except KeyError as e:
    print("KeyError", e.args)

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft).__name__, soft <= hard or hard == resource.RLIM_INFINITY)
resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
print(resource.getrlimit(resource.RLIMIT_CORE)[0])
u = resource.getrusage(resource.RUSAGE_SELF)
print(type(u).__name__, len(u), type(u.ru_utime).__name__, type(u.ru_maxrss).__name__, u.ru_maxrss > 0)
print(resource.getpagesize() == os.sysconf("SC_PAGESIZE"), resource.error is OSError)
print([(n, getattr(resource, n)) for n in sorted(dir(resource)) if n.isupper()])
check(resource.getrlimit, 99)
check(resource.getrlimit, -1)
check(resource.getrlimit, "x")
check(resource.setrlimit, resource.RLIMIT_CORE, (1,))
check(resource.setrlimit, resource.RLIMIT_CORE, 5)
check(resource.setrlimit, resource.RLIMIT_CORE, (5, 2))
check(resource.setrlimit, resource.RLIMIT_CORE, (1.5, 2))
check(resource.getrusage, 5)
check(resource.getpagesize, 1)
check(resource.prlimit, 0, resource.RLIMIT_CORE)
