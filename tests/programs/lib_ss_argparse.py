# argparse: parsing, help, usage errors (exit 2 with the usage on stderr).
import os
os.environ["COLUMNS"] = "80"
import argparse

p = argparse.ArgumentParser(prog="tool", description="A test tool.", epilog="Bye.")
p.add_argument("files", nargs="*", help="input files")
p.add_argument("-n", "--count", type=int, default=3, help="how many (default: %(default)s)")
p.add_argument("-v", "--verbose", action="store_true")
p.add_argument("--mode", choices=["a", "b"], default="a")
g = p.add_mutually_exclusive_group()
g.add_argument("--x", action="store_const", const=1)
g.add_argument("--y", action="append")
print(p.parse_args(["f1", "f2", "-n", "5", "-v"]))
print(vars(p.parse_args(["--mode", "b", "--y", "1", "--y", "2"])))
ns, rest = p.parse_known_args(["--zzz", "f"])
print(ns, rest)
p.print_help()
p.print_usage()
for args in [["-n", "x"], ["--mode", "c"], ["--x", "--y", "1"], ["--count"], ["--bogus"]]:
    try:
        p.parse_args(args)
    except SystemExit as e:
        print("exit", e.code)

s = argparse.ArgumentParser(prog="git")
sub = s.add_subparsers(dest="cmd", required=True)
run = sub.add_parser("run", help="run it")
run.add_argument("target")
run.add_argument("--fast", action="store_true")
print(s.parse_args(["run", "t", "--fast"]))
for args in [[], ["run"], ["nope"]]:
    try:
        s.parse_args(args)
    except SystemExit as e:
        print("exit", e.code)
s.print_help()
p.parse_args(["-n", "1", "--nope"])
