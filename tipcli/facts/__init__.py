"""Answers built from the facts in the store: verdicts, figures and quotes with evidence."""
