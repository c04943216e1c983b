def f():
    try:
        print("body")
        return 1
    finally:
        print("finally")

print(f())
