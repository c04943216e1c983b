import sys
class R:
    def __del__(self): print("R finalized")
r = R()
def main():
    print("in main")
    sys.exit(3)
main()
