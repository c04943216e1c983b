# Popen's less common options: preexec_fn, pass_fds, close_fds, umask,
# start_new_session, executable, shell with a custom shell; platform's
# process-based answers.
import os
import platform
import subprocess

p = subprocess.Popen(["echo", "x"], stdout=subprocess.PIPE,
                     preexec_fn=lambda: os.environ.__setitem__("Q", "1"))
print(p.communicate())
try:
    subprocess.Popen(["echo"], preexec_fn=lambda: 1 / 0)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

# Only 0, 1, 2 and the directory listing itself stay open in the child.
r = subprocess.run(["sh", "-c", "ls /proc/self/fd | wc -l"], capture_output=True, text=True)
print(r.stdout.strip())
rd, wr = os.pipe()
r = subprocess.run(["sh", "-c", f"echo passed >&{wr}"], pass_fds=(wr,))
os.close(wr)
print(os.read(rd, 100), r.returncode)
os.close(rd)
rd, wr = os.pipe()
r = subprocess.run(["sh", "-c", f"echo leaked >&{wr}"], stderr=subprocess.DEVNULL)
print(r.returncode != 0)
os.close(rd)
os.close(wr)

r = subprocess.run(["sh", "-c", "umask"], capture_output=True, text=True, umask=0o77)
print(r.stdout.strip())
r = subprocess.run(["sh", "-c", "echo session"], capture_output=True, text=True,
                   start_new_session=True)
print(r.stdout.strip())
print(subprocess.run("exit 9", shell=True, executable="/bin/sh").returncode)
print(subprocess.run(["ignored-name", "-c", "echo $0"], executable="/bin/sh",
                     capture_output=True).stdout)
print(subprocess.list2cmdline(["a b", "c"]))

# platform: the C library through os.confstr, the architecture.
print(platform.libc_ver() == tuple(os.confstr("CS_GNU_LIBC_VERSION").split()))
print(platform.architecture())
print(platform.system())
print(os.confstr("CS_PATH"))
try:
    os.confstr("NO_SUCH_NAME")
except ValueError as e:
    print(e)
