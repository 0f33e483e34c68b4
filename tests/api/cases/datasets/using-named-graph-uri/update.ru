INSERT { GRAPH <http://example.org/out> { ?s <http://example.org/in> ?g } } WHERE { GRAPH ?g { ?s ?p ?o } }
