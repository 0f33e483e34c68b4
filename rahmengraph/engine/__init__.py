"""The SPARQL engine room: answers SPARQL queries safely, with no web framework.

* :mod:`~rahmengraph.engine.job` – what the engine is asked (:class:`Job`) and answers (:class:`Answer`)
* :mod:`~rahmengraph.engine.protocol` – the SPARQL 1.1 Protocol parameters of a request
* :mod:`~rahmengraph.engine.negotiation` – ``Accept`` header and ``format=``: which format a client gets
* :mod:`~rahmengraph.engine.dataset` – which graphs a query or update reads (FROM, protocol graph IRIs)
* :mod:`~rahmengraph.engine.guard` – no outbound requests (SERVICE, LOAD)
* :mod:`~rahmengraph.engine.row_cap` – results cut to ``max_rows``
* :mod:`~rahmengraph.engine.runner` – the runner for a store: :mod:`~rahmengraph.engine.pool` of
  :mod:`~rahmengraph.engine.worker` processes (time limit; answers as :mod:`~rahmengraph.engine.frame`\\ s)
  or :mod:`~rahmengraph.engine.remote` (a SPARQL server's store answers itself)
* :mod:`~rahmengraph.engine.service_description` – the SPARQL service description

It depends on :mod:`rahmengraph.model`, :mod:`rahmengraph.errors` and :mod:`rahmengraph.config`
only; :mod:`rahmengraph.api` adapts it to HTTP.
"""
