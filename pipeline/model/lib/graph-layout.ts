/**
 * The layout of a large JSON-LD graph file (dataset.jsonld), declared once for the writer and the
 * reader: the context on the first line, this opening on the second, one node per line, this closing
 * on the last. It is the layout of large JSON dumps: a reader can take the graph a node at a time.
 */
export const graphOpening = '"@graph":[';
export const graphClosing = ']}';
