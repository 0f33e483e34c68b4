"""Engines behind :class:`rahmengraph.model.store.GraphStore`."""
