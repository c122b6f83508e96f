"""Evaluation: test sets, metrics, the baseline system and the runner behind `hoidap eval`."""
