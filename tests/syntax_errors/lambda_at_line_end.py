if ready:lambda
    pass
