"""The built-in rules, one module per relation type; importing a module registers its rules."""

from kg.extract import acts  # noqa: F401  (remembers the acts told, for kg.extract.rules.accuses)
from kg.extract.rules import (  # noqa: F401
    accuses,
    announced,
    assailed,
    backing,
    contracts,
    countered,
    crowned,
    denies,
    fronted,
    joined,
    meets,
    offered,
    origins,
    packages,
    protested,
    retinue,
    role,
    sanction_reason,
    sanctions,
    shares,
    summoned,
    supplies,
    visits,
    warns,
)
