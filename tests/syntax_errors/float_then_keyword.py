rate = 1.5while
