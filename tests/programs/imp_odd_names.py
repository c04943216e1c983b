# Names that name no module: empty parts, slashes, NUL, quotes.
for n in ['.', '..', 'a..b', 'a.', '/etc/passwd', 'imports/helper', "it's", 'x\0y', ' ', 'é']:
    try:
        __import__(n)
        print(repr(n), 'imported')
    except BaseException as e:
        print(repr(n), type(e).__name__, e)
