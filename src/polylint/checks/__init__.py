"""Checks, one rule a module, grouped by surface: ``checks/<surface>/<rule>.py``."""
