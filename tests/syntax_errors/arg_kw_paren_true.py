f((True)=2)
