naïve = b"déjà vu"
