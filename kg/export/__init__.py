"""Graph in, file out: one module per format. All writes are atomic."""
