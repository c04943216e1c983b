handler = lambda: print x.
