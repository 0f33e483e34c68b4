"""Loading a dataset, in one direction: reading → checking → mapping → writing.

========================  ==================================================================
:mod:`.dataset`           the shared nouns: rows, files, the checked dataset, entity IRIs
:mod:`.csv_text`          CSV bytes ↔ rows (and the canonical CSV text)
:mod:`.workbook`          an ``.xlsx`` workbook as the CSV files of a dataset
:mod:`.reading`           a dataset folder or workbook → its files, with every problem
:mod:`.cells`             typed cell values (dates, numbers, base IRI, certainty)
:mod:`.cell_checks`       every cell and reference checked, problems located
:mod:`.checking`          read + check one or several datasets (``read_dataset``, ``read_all``)
:mod:`.emitter`           collects the triples of one dataset
:mod:`.column_mapping`    each column kind (and each bespoke column) as triples
:mod:`.derived`           triples derived from a whole dataset (schemes, re-organisations)
:mod:`.mapping`           a checked dataset → its triples (``to_triples``)
:mod:`.writing`           checked datasets → a store (``load``, ``load_all``, ``write``)
========================  ==================================================================

No module imports one further down the pipeline.
"""
