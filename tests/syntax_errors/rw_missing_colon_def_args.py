def greet(name, greeting="hi")
    return greeting + name
