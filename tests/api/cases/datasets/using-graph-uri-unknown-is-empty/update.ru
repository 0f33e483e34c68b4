INSERT { GRAPH <http://example.org/out> { ?s <http://example.org/seen> true } } WHERE { ?s ?p ?o }
