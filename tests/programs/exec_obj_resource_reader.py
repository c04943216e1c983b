# A source package's loader gives importlib.resources a FileReader over its
# directory; a name other than the loader's own is refused.
import importlib.resources

import imports

loader = imports.__spec__.loader
reader = loader.get_resource_reader("imports")
print(type(reader).__module__, type(reader).__name__)
print(reader.is_resource("resource_data.txt"), reader.is_resource("nothing.txt"))
with reader.open_resource("resource_data.txt") as f:
    print(f.read())
print(importlib.resources.files("imports").joinpath("resource_data.txt").read_text())
print(type(loader.get_resource_reader()).__name__)
try:
    loader.get_resource_reader("elsewhere")
except ImportError as e:
    print(type(e).__name__, e, e.name)
