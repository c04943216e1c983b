class Empty:
    pass


e = Empty()
print(type(e).__name__)
Empty(1, 2)
