CREATE GRAPH <http://example.org/empty>
