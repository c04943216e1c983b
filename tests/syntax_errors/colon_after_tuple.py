a, b:
