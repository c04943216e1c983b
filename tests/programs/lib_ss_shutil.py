# shutil basics in a scratch directory (its path is never printed).
import os
import shutil
import stat

base = os.path.join("/tmp", f"pith_ss_shutil_{os.getpid()}")
os.mkdir(base)
try:
    src = os.path.join(base, "src")
    os.makedirs(os.path.join(src, "sub", "deep"))
    with open(os.path.join(src, "a.txt"), "w") as f:
        f.write("alpha\n")
    with open(os.path.join(src, "sub", "b.txt"), "w") as f:
        f.write("beta\n" * 3)
    with open(os.path.join(src, "skip.pyc"), "wb") as f:
        f.write(b"\0")
    dst = shutil.copyfile(os.path.join(src, "a.txt"), os.path.join(base, "copy.txt"))
    print(os.path.basename(dst), open(dst).read().strip())
    os.chmod(os.path.join(src, "a.txt"), 0o640)
    shutil.copy(os.path.join(src, "a.txt"), os.path.join(base, "copy2.txt"))
    print(oct(stat.S_IMODE(os.stat(os.path.join(base, "copy2.txt")).st_mode)))
    shutil.copy2(os.path.join(src, "a.txt"), os.path.join(base, "copy3.txt"))
    a, b = os.stat(os.path.join(src, "a.txt")), os.stat(os.path.join(base, "copy3.txt"))
    print(a.st_mtime_ns == b.st_mtime_ns, a.st_size, b.st_size)
    shutil.copytree(src, os.path.join(base, "tree"), ignore=shutil.ignore_patterns("*.pyc"))
    for root, dirs, files in sorted(os.walk(os.path.join(base, "tree"))):
        print(os.path.relpath(root, base), sorted(dirs), sorted(files))
    moved = shutil.move(os.path.join(base, "tree"), os.path.join(base, "moved"))
    print(os.path.basename(moved), os.path.exists(os.path.join(base, "tree")))
    print(sorted(os.listdir(base)))
    shutil.rmtree(os.path.join(base, "moved"))
    print(sorted(os.listdir(base)))
    try:
        shutil.rmtree(os.path.join(base, "missing"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno, e.strerror)
    shutil.rmtree(os.path.join(base, "missing"), ignore_errors=True)
    try:
        shutil.copyfile(os.path.join(src, "a.txt"), os.path.join(src, "a.txt"))
    except shutil.SameFileError:
        print("SameFileError")
    print(shutil.which("sh") is not None, shutil.which("no-such-program-xyz"))
    os.environ["COLUMNS"], os.environ["LINES"] = "100", "30"
    print(shutil.get_terminal_size())
finally:
    shutil.rmtree(base)
print(os.path.exists(base))
