def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None

print(safe_div(6, 3))
print(safe_div(1, 0))
