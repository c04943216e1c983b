# os.supports_follow_symlinks names stat (lstat) and chown (lchown), so
# shutil.copystat and copy2 with follow_symlinks=False work on links.
import os
import shutil
import tempfile

print(os.stat in os.supports_follow_symlinks, os.chown in os.supports_follow_symlinks)
print(os.stat in os.supports_fd, os.utime in os.supports_follow_symlinks)
d = tempfile.mkdtemp()
p = os.path.join(d, "f")
with open(p, "w") as f:
    f.write("x")
os.symlink(p, p + ".lnk")
os.symlink(p, p + ".lnk2")
shutil.copystat(p + ".lnk", p + ".lnk2", follow_symlinks=False)
c = os.path.join(d, "c")
shutil.copy2(p + ".lnk", c, follow_symlinks=False)
print(os.path.islink(c), os.readlink(c) == p)
st = os.stat(c, follow_symlinks=False)
print(st.st_size == len(p))
shutil.rmtree(d)
print(os.path.exists(d))
