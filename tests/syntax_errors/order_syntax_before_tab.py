x = 1 2
if y:
	pass
        z
