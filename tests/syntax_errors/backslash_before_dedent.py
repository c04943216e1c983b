def check(self):
        first = 1
 \       second = 2
