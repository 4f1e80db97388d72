"""Where an exporter gets its records: made from the graph, or from somewhere that keeps them.

Every output is a sorted list of records (an entity, a relation, a subject
block, a node or edge of the page), each a function of one node's or
edge's data; positional ids are put around a record as the file is put
together. An exporter asks for each record as `records.get(table, key,
render, *args)`, so that a rebuild (kg.corpus.assemble) can hand back the
last build's bytes for a record whose node or edge it did not touch. The
exporters themselves stay functions of the graph: FRESH renders every record.
"""


class Fresh:
    """Every record rendered from the graph."""

    def get(self, table: str, key, render, *args):
        return render(*args)


FRESH = Fresh()
