DELETE WHERE { GRAPH <http://example.org/g1> { ?s ?p ?o } }
