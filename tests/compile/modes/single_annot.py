# mode: single
x: int = 3
