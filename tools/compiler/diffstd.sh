#!/bin/sh
# Diff of pith-compiler's dis against CPython's for one stdlib sweep case (by index or path part).
# usage: diffstd.sh PATH-SUBSTRING [DIR]
DIR=${2:-/tmp/pith-compile-stdlib}
cd "$(dirname "$0")/../.." || exit 1
f=$(grep -l "\"filename\":\"[^\"]*$1\"" "$DIR"/*.json | head -1)
[ -z "$f" ] && { echo "no case for $1"; exit 1; }
m="${f%.json}.marshal"
CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target-compiler} cargo run -q -p pith-compiler --example pithdis -- "$f" 2>/dev/null | sed 's/0x[0-9a-f]*/0x?/g' > /tmp/pith-std.got
if [ -f "${f%.json}.dis" ]; then
  sed 's/0x[0-9a-f]*/0x?/g' "${f%.json}.dis" > /tmp/pith-std.want
else
  PYTHONHASHSEED=0 python3 -c "import marshal,dis,sys; dis.dis(marshal.loads(open(sys.argv[1],'rb').read()))" "$m" | sed 's/0x[0-9a-f]*/0x?/g' > /tmp/pith-std.want
fi
diff /tmp/pith-std.got /tmp/pith-std.want | head -${LINES_SHOWN:-40}
