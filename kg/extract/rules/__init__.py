"""The built-in rules, one module per relation type; importing a module registers its rules."""

from kg.extract.rules import accuses, denies, meets, packages, role, sanctions, supplies, visits, warns  # noqa: F401
