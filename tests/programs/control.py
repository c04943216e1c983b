# try/finally interplay with return, break, continue; nested handlers.
def f1():
    try:
        return "body"
    finally:
        print("f1 finally")

def f2():
    for i in range(5):
        try:
            if i == 2:
                break
        finally:
            print("f2 finally", i)
    return i

def f3():
    try:
        try:
            raise ValueError("v")
        finally:
            print("inner finally")
    except ValueError as e:
        return "caught " + str(e)

def f4():
    try:
        raise KeyError("k")
    except KeyError:
        try:
            raise IndexError("i")
        except IndexError as e:
            return repr(e.__context__)

def f5(x):
    try:
        if x:
            raise TypeError("t")
    except TypeError:
        return "handled"
    else:
        return "no error"
    finally:
        print("f5 finally", x)

print(f1(), f2(), f3(), f4(), f5(True), f5(False))
total = 0
for i in range(10):
    try:
        if i % 3 == 0:
            continue
        total += i
    except Exception:
        pass
print(total)
def gen_error(n):
    if n == 0:
        raise ValueError("bottom")
    return gen_error(n - 1)
try:
    gen_error(50)
except ValueError as e:
    print("deep:", e)
try:
    {}[(1, 2)]
except KeyError as e:
    print(repr(e), e)
try:
    {[1]: 2}
except TypeError as e:
    print(e)
try:
    nothing = None
    nothing()
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    x = [1, 2, 3]
    a, b = x
except ValueError as e:
    print(e)
try:
    a, b, c, d = (1, 2)
except ValueError as e:
    print(e)
try:
    print(undefined_thing)
except NameError as e:
    print(e)
def local_err():
    y = z_undefined + 1
    return y
try:
    local_err()
except NameError as e:
    print(e)
