open(path, mode='r', encoding as f)
