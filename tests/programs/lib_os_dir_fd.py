# posix calls relative to a directory descriptor (dir_fd=, src_dir_fd=,
# dst_dir_fd=) and on descriptors given as paths (chdir, chmod, listdir,
# scandir); the argument checks and the names errors carry; DirEntry's
# cached stat results; the supports_* sets built from them and the
# descriptor-based shutil.rmtree and os.fwalk that follow from those.
import os
import shutil
import stat
import tempfile


def attempt(f):
    try:
        r = f()
    except (OSError, TypeError, ValueError, NotImplementedError) as e:
        r = f"{type(e).__name__}: {e}"
    print(r)


covered = {"access", "chdir", "chmod", "chown", "link", "listdir", "mkdir",
           "mkfifo", "open", "readlink", "rename", "rmdir", "scandir", "stat",
           "statvfs", "symlink", "truncate", "unlink", "utime"}
for s in ("supports_dir_fd", "supports_fd", "supports_follow_symlinks",
          "supports_effective_ids"):
    print(s, sorted(f.__name__ for f in getattr(os, s) if f.__name__ in covered))

top = tempfile.mkdtemp()
start = os.getcwd()
try:
    dfd = os.open(top, os.O_RDONLY)
    os.mkdir("sub", dir_fd=dfd)
    print(stat.S_ISDIR(os.stat(os.path.join(top, "sub")).st_mode))
    fd = os.open("f.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=dfd)
    os.write(fd, b"hello")
    os.close(fd)
    print(os.stat("f.txt", dir_fd=dfd).st_size)
    os.symlink("f.txt", "ln", dir_fd=dfd)
    print(os.readlink("ln", dir_fd=dfd))
    print(stat.S_ISLNK(os.stat("ln", dir_fd=dfd, follow_symlinks=False).st_mode),
          stat.S_ISLNK(os.lstat("ln", dir_fd=dfd).st_mode))
    os.link("f.txt", "hard", src_dir_fd=dfd, dst_dir_fd=dfd)
    print(os.stat("hard", dir_fd=dfd).st_nlink)
    os.rename("hard", "hard2", src_dir_fd=dfd, dst_dir_fd=dfd)
    os.replace("hard2", "sub/hard3", src_dir_fd=dfd, dst_dir_fd=dfd)
    print(sorted(os.listdir(top)), os.listdir(os.path.join(top, "sub")))
    os.chmod("f.txt", 0o600, dir_fd=dfd)
    print(oct(os.stat("f.txt", dir_fd=dfd).st_mode & 0o777))
    print(os.access("f.txt", os.R_OK, dir_fd=dfd),
          os.access("missing", os.F_OK, dir_fd=dfd),
          os.access("f.txt", os.F_OK, dir_fd=dfd, effective_ids=True))
    os.mkfifo("fifo", dir_fd=dfd)
    print(stat.S_ISFIFO(os.stat("fifo", dir_fd=dfd).st_mode))
    os.unlink("fifo", dir_fd=dfd)
    os.remove("sub/hard3", dir_fd=dfd)
    os.rmdir("sub", dir_fd=dfd)
    print(sorted(os.listdir(dfd)), sorted(os.listdir(dfd)))
    with os.scandir(dfd) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(e.name, e.path, e.is_file(), e.is_dir(), e.is_symlink(),
              e.is_file(follow_symlinks=False), e.stat().st_size)
    with os.scandir(dfd) as it:
        print(sorted(e.name for e in it))

    # A DirEntry keeps the first stat result it fetched.
    with os.scandir(top) as it:
        e = next(x for x in it if x.name == "f.txt")
    before = e.stat()
    with open(os.path.join(top, "f.txt"), "ab") as f:
        f.write(b"!")
    print(before.st_size, e.stat().st_size, os.stat(e).st_size)
    for call in (lambda: e.stat(True), lambda: e.is_dir(False)):
        attempt(call)

    # Checks and messages.
    attempt(lambda: os.stat("f.txt", dir_fd="x"))
    attempt(lambda: os.stat("f.txt", dir_fd=1.5))
    attempt(lambda: os.stat(dfd, dir_fd=dfd))
    attempt(lambda: os.stat(dfd, follow_symlinks=False))
    attempt(lambda: os.stat("missing", dir_fd=dfd))
    attempt(lambda: os.lstat(dfd))
    attempt(lambda: os.remove(1.5))
    attempt(lambda: os.unlink(1.5))
    attempt(lambda: os.replace(1.5, "x"))
    attempt(lambda: os.rename("x", 1.5))
    attempt(lambda: os.rename("missing", "b", src_dir_fd=dfd))
    attempt(lambda: os.readlink("f.txt", dir_fd=dfd))
    attempt(lambda: os.rmdir("missing", dir_fd=dfd))
    attempt(lambda: os.mkdir("ln", dir_fd=dfd))
    attempt(lambda: os.open("missing", os.O_RDONLY, dir_fd=dfd))

    # Descriptors as paths.
    os.chdir(dfd)
    print(os.getcwd() == os.path.realpath(top))
    os.chdir(start)
    fd = os.open(os.path.join(top, "f.txt"), os.O_RDONLY)
    os.chmod(fd, 0o640)
    print(oct(os.stat(fd).st_mode & 0o777))
    os.close(fd)

    # Built on those: the descriptor-based tree walks.
    os.makedirs(os.path.join(top, "t", "a", "b"))
    for n in ("t/x", "t/a/y", "t/a/b/z"):
        with open(os.path.join(top, n), "w") as f:
            f.write(n)
    os.symlink(os.path.join(top, "t", "a"), os.path.join(top, "t", "la"))
    for root, dirs, files, rootfd in os.fwalk(os.path.join(top, "t")):
        print(os.path.relpath(root, top), sorted(dirs), sorted(files),
              isinstance(rootfd, int))
    shutil.rmtree(os.path.join(top, "t"))
    print(sorted(os.listdir(top)))
    errors = []
    shutil.rmtree(os.path.join(top, "missing"),
                  onerror=lambda f, p, e: errors.append((f.__name__, e[0].__name__)))
    print(errors)
    os.close(dfd)
finally:
    os.chdir(start)
    shutil.rmtree(top)
print(os.path.exists(top))
