f(**extra, name try)
