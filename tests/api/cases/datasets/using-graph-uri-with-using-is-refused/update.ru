INSERT { GRAPH <http://example.org/out> { ?s <http://example.org/seen> true } } USING <http://example.org/g2> WHERE { ?s ?p ?o }
