print("checked hash-based pyc")
