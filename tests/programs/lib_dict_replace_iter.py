# Replacing values while iterating a dict that has had keys deleted: the
# table is not rebuilt for a store to an existing key, so iteration sees
# every key (logging.config's handler keyword check relies on it).
# The dict-level cases are in obj_dict_store_iter.
import logging
import logging.config


class CustomHandler(logging.StreamHandler):
    pass


config = {
    "version": 1,
    "handlers": {"h": {"class": __name__ + ".CustomHandler", "level": "NOTSET",
                       "stream": "ext://sys.stdout", "9": "invalid parameter name"}},
    "root": {"level": "WARNING"},
}
try:
    logging.config.dictConfig(config)
    print("configured")
except ValueError as e:
    print("ValueError", e, "| cause:", repr(e.__cause__))
