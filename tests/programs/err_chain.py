def load():
    try:
        return {}["missing"]
    except KeyError:
        raise ValueError("could not load")

def main():
    try:
        load()
    except ValueError as e:
        raise RuntimeError("main failed") from e

main()
