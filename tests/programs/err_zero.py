def divide(a, b):
    return a / b

def compute():
    values = [10, 5, 0]
    return [divide(100, v) for v in values]

print(compute())
