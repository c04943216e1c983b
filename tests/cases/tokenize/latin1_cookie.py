# -*- coding: latin-1 -*-
name = 'été'
