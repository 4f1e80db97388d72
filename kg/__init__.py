"""govkg: Chinese government news -> a knowledge graph of government actors.

The public API is kept small: `extract` for one text, `build` for a corpus.
"""

__version__ = "0.1.0"
