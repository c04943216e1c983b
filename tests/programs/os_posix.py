# The native posix module on its own: files, directories, descriptors, errors.
import posix

base = "/tmp/pith_os_posix_%d" % posix.getpid()
posix.mkdir(base)
try:
    posix.mkdir(base + "/sub", 0o755)
    fd = posix.open(base + "/f.txt", posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
    print(type(fd).__name__, posix.write(fd, b"hello world\n"))
    posix.close(fd)
    fd = posix.open(base + "/f.txt", posix.O_RDONLY)
    print(posix.read(fd, 5), posix.lseek(fd, 0, 1), posix.lseek(fd, -3, 2), posix.read(fd, 100))
    st = posix.fstat(fd)
    print(st.st_size, posix.isatty(fd))
    posix.close(fd)
    st = posix.stat(base + "/f.txt")
    print(st.st_size, oct(st.st_mode & 0o777), st.st_mode >> 12, len(st), st[6])
    print(type(st.st_mtime).__name__, type(st[8]).__name__, type(st.st_mtime_ns).__name__)
    print(st.st_mtime_ns // 10**9 == st[8] == int(st.st_mtime))
    print(isinstance(st, tuple), st.st_nlink, st.st_blksize > 0)
    print(sorted(posix.listdir(base)), sorted(posix.listdir(base.encode())))
    with posix.scandir(base) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, e.path == base + "/" + e.name, e.is_dir(), e.is_file(), e.is_symlink())
        print(e.stat().st_size == posix.stat(e.path).st_size, e.inode() == posix.stat(e.path).st_ino)
    print(posix.fspath(entries[0]) == entries[0].path)

    posix.symlink("f.txt", base + "/link")
    print(posix.readlink(base + "/link"), posix.readlink((base + "/link").encode()))
    print(posix.lstat(base + "/link").st_mode >> 12, posix.stat(base + "/link").st_mode >> 12)
    print(posix.stat(base + "/link", follow_symlinks=False).st_mode >> 12)
    posix.link(base + "/f.txt", base + "/hard")
    print(posix.stat(base + "/f.txt").st_nlink)
    posix.utime(base + "/f.txt", (1000000000, 1200000000.5))
    st = posix.stat(base + "/f.txt")
    print(st.st_atime, st.st_mtime, st[7], st[8], st.st_mtime_ns)
    posix.utime(base + "/f.txt", ns=(5, 7000000001))
    print(posix.stat(base + "/f.txt").st_mtime_ns)
    print(posix.access(base + "/f.txt", posix.F_OK), posix.access(base + "/none", posix.F_OK))
    print(posix.access(base + "/f.txt", posix.R_OK | posix.W_OK))
    posix.chmod(base + "/f.txt", 0o600)
    print(oct(posix.stat(base + "/f.txt").st_mode & 0o777))
    posix.rename(base + "/f.txt", base + "/g.txt")
    posix.replace(base + "/g.txt", base + "/h.txt")
    print(sorted(posix.listdir(base)))

    for call, args in [
        (posix.stat, (base + "/missing",)),
        (posix.mkdir, (base + "/sub",)),
        (posix.rmdir, (base + "/h.txt",)),
        (posix.unlink, (base + "/sub",)),
        (posix.listdir, (base + "/h.txt",)),
        (posix.open, (base + "/missing", posix.O_RDONLY)),
    ]:
        try:
            call(*args)
        except OSError as e:
            print(call.__name__, type(e).__name__, e.errno, e.strerror, e.filename == args[0])
    try:
        posix.rename(base + "/missing", base + "/other")
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename2 == base + "/other")
    for bad in [3.5, None]:
        try:
            posix.stat(bad)
        except TypeError as e:
            print("TypeError", e)
    try:
        posix.close(987654)
    except OSError as e:
        print(type(e).__name__, e)

finally:
    for name in posix.listdir(base):
        p = base + "/" + name
        if name == "sub":
            posix.rmdir(p)
        else:
            posix.unlink(p)
    posix.rmdir(base)
print(posix.access(base, posix.F_OK))

print(posix.strerror(2), "|", posix.strerror(13))
print(type(posix.environ).__name__, all(type(k) is bytes for k in posix.environ))
posix.putenv("PITH_OS_TEST", "1")
posix.unsetenv("PITH_OS_TEST")
print(len(posix.urandom(16)), posix.urandom(0))
print(posix.getpid() > 0, posix.getppid() > 0, posix.getuid() == posix.geteuid())
print(type(posix.cpu_count()).__name__, posix.uname().sysname, len(posix.uname()))
print(len(posix.times()), posix.times().elapsed > 0)
print(posix.WIFEXITED(0x0300), posix.WEXITSTATUS(0x0300), posix.WIFSIGNALED(9), posix.WTERMSIG(9))
print(posix.WIFSTOPPED(0x137f), posix.WSTOPSIG(0x137f), posix.waitstatus_to_exitcode(0x0200))
print(posix.waitstatus_to_exitcode(15))
print(posix.O_RDONLY, posix.O_WRONLY, posix.O_RDWR, posix.O_CREAT, posix.O_EXCL, posix.O_TRUNC)
print(posix.F_OK, posix.R_OK, posix.W_OK, posix.X_OK, posix.EX_OK)
print(posix.getcwd() == posix.getcwdb().decode())
print(posix.error is OSError, posix.DirEntry.__name__)
