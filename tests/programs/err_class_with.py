class Resource:
    def __enter__(self):
        print("open")
        return self

    def __exit__(self, *exc):
        print("close", exc[0].__name__ if exc[0] else None)
        return False


with Resource() as r:
    print("using")
with Resource():
    {}["missing"]
