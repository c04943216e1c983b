d = {
    1: 2,
    **e,
    key
}
