# platform reads sys.version and sys._git.
import platform

print(platform.python_version(), platform.python_version_tuple())
print(platform.python_implementation(), repr(platform.python_branch()), repr(platform.python_revision()))
print(platform.system(), platform.machine() != "", len(platform.uname()))
