def show():
    prnt("hello")

show()
