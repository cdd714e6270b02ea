"""Imported by the fork server of ``kg.parallel``'s worker pool, and by nothing else: it loads what every
worker needs (:func:`kg.parallel.preload`) once, in the server, before any worker is forked from it."""

import atexit
import os

from kg.parallel import preload, quick_exit

preload()
atexit.register(quick_exit, os.getpid())
