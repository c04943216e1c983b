#!/bin/sh
# Shows the dis diff (addresses masked) between pith-compiler and CPython for cases.
cd "$(dirname "$0")/../.." || exit 1
for name in "$@"; do
  CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target-compiler} cargo run -q -p pith-compiler --example pithdis -- "tests/compile/out/$name.json" | sed 's/0x[0-9a-f]*/0x?/g' > "/tmp/pith-$name.got"
  sed 's/0x[0-9a-f]*/0x?/g' "tests/compile/out/$name.dis" > "/tmp/pith-$name.want"
  diff "/tmp/pith-$name.got" "/tmp/pith-$name.want"
done
