def f():
    # type: () -> None
