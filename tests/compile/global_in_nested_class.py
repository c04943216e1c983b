counter = 0


class C:
    global counter
    counter = 10

    def bump(self):
        global counter
        counter += 1


C().bump()
print(counter)
