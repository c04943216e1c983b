class ConfigError(Exception):
    def __init__(self, name):
        super().__init__(f"bad config {name}")


def load(name):
    raise ConfigError(name)


try:
    load("a")
except ConfigError as e:
    print("handled", e)
load("b")
