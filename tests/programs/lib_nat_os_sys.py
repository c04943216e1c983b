# os.wait, statvfs (shutil.disk_usage), groups/sessions, affinity, pread/pwrite,
# fchmod, closerange, mkfifo and device numbers.
import os, tempfile
def t(expr):
    try: print(expr, repr(eval(expr)))
    except Exception as e: print(expr, type(e).__name__, e)
st = os.statvfs("/")
print(type(st).__name__, len(st), st.f_bsize > 0, isinstance(st.f_fsid, int), os.statvfs_result.n_fields)
for c in ['os.wait()','type(os.getgroups())','os.getpgrp()==os.getpgid(0)','os.getsid(0)==os.getsid(os.getpid())','len(os.sched_getaffinity(0))>0','(os.major(0x10305), os.minor(0x10305), os.makedev(1,5))','os.statvfs("/nonexist")','os.fchmod(99, 0o644)','os.fchdir(99)','os.closerange(100, 103)','os.pread(99, 1, 0)','os.mkfifo("/nonexist/x")','os.nice(0)','os.sched_yield()','os.setpgid(99999999, 0)','os.getsid(99999999)','os.sched_getaffinity(99999999)','os.fdatasync(99)','os.sync()','os.statvfs(1.5)', 'os.fstatvfs(0).f_namemax > 0']:
    t(c)
with tempfile.TemporaryDirectory() as d:
    fn = os.path.join(d, "f")
    fd = os.open(fn, os.O_RDWR | os.O_CREAT)
    print(os.pwrite(fd, b"hello world", 0), os.pread(fd, 5, 6))
    os.fchmod(fd, 0o600); print(oct(os.stat(fn).st_mode & 0o777))
    os.closerange(fd, fd + 1)
    t('os.fstat(fd)')
    os.mkfifo(os.path.join(d, "fifo")); import stat; print(stat.S_ISFIFO(os.stat(os.path.join(d, "fifo")).st_mode))
    import sys; sys.stdout.flush()
    pid = os.fork()
    if pid == 0: os._exit(3)
    p, s = os.wait(); print(p == pid, os.waitstatus_to_exitcode(s))
import shutil; print(shutil.disk_usage("/").total > 0, type(shutil.disk_usage("/")).__name__)
