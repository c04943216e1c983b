x = [y for y in (z := w) if y := 1]
