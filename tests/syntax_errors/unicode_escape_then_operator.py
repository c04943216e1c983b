label = "\u00" + suffix
