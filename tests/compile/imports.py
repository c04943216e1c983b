import os
import os.path
import os.path as osp
import sys, json
from collections import OrderedDict
from collections import deque as dq, Counter
from os.path import join
print(os.sep, osp.sep, sys.maxsize > 0, json.dumps(1), OrderedDict, dq, Counter, join('a', 'b'))
