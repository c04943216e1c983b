class ConfigError(Exception):
    def __str__(self):
        return f"config problem: {self.args[0]}"
def load(d, k):
    try:
        return d[k]
    except KeyError:
        raise ConfigError(k) from None
print(repr(ConfigError("x")), str(ConfigError("y")))
try:
    load({}, "a")
except ConfigError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
def outer():
    try:
        load({}, "port")
    except ConfigError as e:
        raise RuntimeError("startup failed") from e
outer()
