# The interpreter's own options (-X, -W, -I, -E, -s, -S, -O, -q, grouped
# flags) as a child interpreter sees them, and faulthandler's start-up flag.
import subprocess
import sys

CODE = (
    "import sys, faulthandler; f = sys.flags; "
    "print(sorted(sys._xoptions.items()), sys.warnoptions, f.isolated, "
    "f.ignore_environment, f.no_user_site, f.no_site, f.optimize, f.quiet, "
    "f.dev_mode, f.utf8_mode, faulthandler.is_enabled(), sys.argv[1:])"
)

for options in [
    [],
    ["-X", "faulthandler", "-I"],
    ["-Xdev", "-X", "utf8", "-X", "opt=val=x", "-Wd", "-W", "error::DeprecationWarning"],
    ["-E", "-s", "-S", "-O", "-q"],
    ["-IS", "-OO"],
    ["-u", "-B", "-E"],
]:
    cmd = [sys.executable] + options + ["-c", CODE, "arg", "-X", "-I"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    print(options, r.returncode)
    print(r.stdout, end="")
    print(r.stderr, end="")

# Isolated mode keeps the script's directory off sys.path.
r = subprocess.run([sys.executable, "-I", "-c", "import sys; print(sys.path[0] == '')"],
                   capture_output=True, text=True)
print(r.stdout, end="")
r = subprocess.run([sys.executable, "-c", "import sys; print(sys.path[0] == '')"],
                   capture_output=True, text=True)
print(r.stdout, end="")

# A missing option argument.
r = subprocess.run([sys.executable, "-X"], capture_output=True, text=True)
print(r.returncode, r.stderr.splitlines()[0])
