"""The v0 -> v1 facts as data, read by the checks (to flag) and the codemods (to rewrite).

Each table names its source in ``../shared/reference`` terms (S0 = polyaxon-schemas 0.6, K1 = polyaxon
v1 core, VAL = checked against polyaxon 1.20.0).
"""
