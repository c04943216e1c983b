config = {"host": "localhost"}
port = config["port"]
