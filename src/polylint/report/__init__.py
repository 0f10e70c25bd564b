"""What polylint writes for people rather than tools: the migration report and the rules document.

Both are generated from the rule registry and the runner's results, so a rule added under
``polylint.checks`` shows up in them without an edit here.
"""
