if True:
    try:
        pass
