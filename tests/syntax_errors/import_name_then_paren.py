import warnings(
