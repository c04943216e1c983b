#!/usr/bin/env python3
# -*- coding: utf-8 -*-
x = 1  # trailing
    # indented comment
if x:  # after colon
    # before block
    y = 2
# dedent comment
#
