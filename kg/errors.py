"""The one exception type users see: a bad input named with its reason.

The CLI turns it into a single line `kg: FILE: reason` and a non-zero exit;
nothing else about a bad file should ever reach the terminal as a traceback.
"""


class InputError(Exception):
    """An input file that cannot be used, and why."""

    def __init__(self, path, reason):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class AssetMissing(RuntimeError):
    """A data asset (segmentation model, division table) has not been set up."""
