"""spaCy factories, one module per concern; importing this registers them."""
