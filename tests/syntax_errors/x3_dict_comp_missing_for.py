d = {k: v k in items}
