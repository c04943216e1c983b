print("unchecked hash-based pyc")
