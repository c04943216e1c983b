if key and (delims is None or key in deli   counts[key])
