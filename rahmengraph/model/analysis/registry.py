"""The analysis table: name → what it computes, its options, and the function that runs it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rahmengraph.errors import ParameterError
from rahmengraph.model.analysis.indexes import View, make_view
from rahmengraph.model.analysis.report import Report
from rahmengraph.model.filters import Filters
from rahmengraph.model.labels import label
from rahmengraph.model.store import GraphStore


@dataclass(frozen=True)
class Option:
    """An analysis option (API query parameter, CLI ``--option name=value``)."""

    name: str
    default: str
    help: str
    choices: tuple[str, ...] = ()
    integer: bool = False


@dataclass(frozen=True)
class Analysis:
    name: str
    compute: Callable[..., Report]  # (view, store, **options) -> Report
    options: tuple[Option, ...] = field(default_factory=tuple)

    @property
    def title(self) -> str:
        """German title (English one: ``labels.label(f"analysis.{name}.title", "en")``)."""
        return label(f"analysis.{self.name}.title")

    @property
    def help(self) -> str:
        return label(f"analysis.{self.name}.help")

    def parse_options(self, raw: dict[str, str | None]) -> dict[str, str | int]:
        """Check and type option values; unknown names and bad values raise ParameterError."""
        known = {o.name: o for o in self.options}
        unknown = sorted(k for k, v in raw.items() if k not in known and v is not None)
        if unknown:
            allowed = ", ".join(known) or "keine"
            raise ParameterError(
                f"Analyse {self.name}: unbekannte Option(en) {', '.join(unknown)}; erlaubt: {allowed}"
            )
        out: dict[str, str | int] = {}
        for o in self.options:
            value = raw.get(o.name)
            value = o.default if value is None or value == "" else str(value)
            if o.choices and value not in o.choices:
                raise ParameterError(
                    f"Analyse {self.name}, Option {o.name}: {value!r} unbekannt; "
                    f"erlaubt: {', '.join(o.choices)}"
                )
            if o.integer:
                if not value.isdigit():
                    raise ParameterError(
                        f"Analyse {self.name}, Option {o.name}: {value!r} ist keine ganze Zahl ≥ 0"
                    )
                out[o.name] = int(value)
            else:
                out[o.name] = value
        return out

    def run(self, store: GraphStore, filters: Filters | None = None, **options: str | None) -> Report:
        """Run over all datasets of ``store`` for the measures passing ``filters``.

        Results are remembered with the (cached) view until the store changes; the returned
        report is shared, so treat it as read-only.
        """
        filters = filters or Filters()
        parsed = self.parse_options(dict(options))
        view: View = make_view(store, filters)
        memo_key = (self.name, tuple(sorted(parsed.items())))
        cached = view.memo.get(memo_key)
        if isinstance(cached, Report):
            return cached
        report = self.compute(view, store, **parsed)
        report.filters = {k: list(v) for k, v in filters.active().items()}
        report.options = {k: str(v) for k, v in parsed.items()}
        view.memo[memo_key] = report
        return report
