"""The SPARQL engine room: answers SPARQL queries safely, with no web framework.

* :mod:`~rahmengraph.engine.job` – what the engine is asked (:class:`Job`) and answers (:class:`Answer`)
* :mod:`~rahmengraph.engine.protocol` – the SPARQL 1.1 Protocol parameters of a request
* :mod:`~rahmengraph.engine.negotiation` – ``Accept`` header and ``format=``: which format a client gets
* :mod:`~rahmengraph.engine.dataset` – which graphs a query or update reads (FROM, protocol graph IRIs)
* :mod:`~rahmengraph.engine.guard` – no outbound requests (SERVICE, LOAD), no deep nesting
* :mod:`~rahmengraph.engine.targets` – which graphs an update writes (loaded graphs stay read-only)
* :mod:`~rahmengraph.engine.row_cap` – results cut to ``max_rows``
* :mod:`~rahmengraph.engine.runner` – the runner for a store: :mod:`~rahmengraph.engine.pool` of
  :mod:`~rahmengraph.engine.worker` processes (deadline, short-query lane, memory cap; each reached
  through a :mod:`~rahmengraph.engine.channel`, its store a :mod:`~rahmengraph.engine.replica`,
  opening and changing the store kept apart by the :mod:`~rahmengraph.engine.gate`, answers as
  :mod:`~rahmengraph.engine.frame`\\ s, store changes from :mod:`~rahmengraph.engine.changes`) or
  :mod:`~rahmengraph.engine.remote` (a SPARQL server's store answers itself)
* :mod:`~rahmengraph.engine.service_description` – the SPARQL service description

It depends on :mod:`rahmengraph.model`, :mod:`rahmengraph.errors` and :mod:`rahmengraph.config`
only; :mod:`rahmengraph.api` adapts it to HTTP.
"""
