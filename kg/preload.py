"""Imported by the fork server of ``kg.parallel``'s worker pool, and by nothing else: it loads what every
worker needs (:func:`kg.parallel.preload`) once, in the server, before any worker is forked from it."""

from kg.parallel import preload

preload()
