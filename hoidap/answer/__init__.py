"""Answer: compose a cited reply from retrieved passages."""
