def f(x):
    assert (x, "message")
    assert ()
    assert (1,)
    assert (x)
    assert x, "ok"
    assert (
        x,
        "multi-line",
    )
