assert (x, "msg"
