"""Codemods: rewriting logic too large for a check module, one package per surface.

A check attaches the codemod's result to its diagnostic as a ``Fix``; codemods never decide on their own
what is wrong.
"""
