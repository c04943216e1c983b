if x:
        pass
	y
