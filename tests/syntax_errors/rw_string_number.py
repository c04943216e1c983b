x = "abc"1
