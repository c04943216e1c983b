 \ value
