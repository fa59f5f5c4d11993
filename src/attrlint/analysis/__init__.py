"""Linguistic analysis shared by all rules: quantities, attribution cues, scope."""
