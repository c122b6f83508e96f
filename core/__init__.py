"""The bottom layer: settings, errors, shared records and the vocabulary. Imports nothing of hoidap."""
