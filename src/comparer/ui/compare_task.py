"""Loading and comparing versions off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtCore import QObject, QRunnable, Signal

from comparer.core.model import CompareOptions, Comparison, Version
from comparer.ui.document_model import DocumentModel, build_model, build_single


@dataclass(frozen=True)
class Source:
    """Where a version comes from: a file, clipboard bytes, or an already loaded version."""

    path: str | None = None
    data: bytes | None = None
    label: str = ""
    version: Version | None = None

    @property
    def display(self) -> str:
        """A name for messages."""
        if self.version is not None:
            return self.version.name
        return self.path or self.label


@dataclass
class TaskResult:
    """What a finished task hands back to the window."""

    generation: int
    versions: list[Version]
    model: DocumentModel | None
    errors: list[str] = field(default_factory=list)


class TaskSignals(QObject):
    """Signals of a ``CompareTask`` (QRunnable cannot have its own)."""

    progress = Signal(str)
    finished = Signal(object)


class CompareTask(QRunnable):
    """Load the sources that need it, compare, and build the model the views paint."""

    def __init__(self, generation: int, sources: list[Source], options: CompareOptions) -> None:
        super().__init__()
        self.generation = generation
        self.sources = sources
        self.options = options
        self.signals = TaskSignals()
        self.setAutoDelete(True)

    def run(self) -> None:  # noqa: D102
        from comparer.formats import LoadError, load_bytes, load_path

        versions: list[Version] = []
        errors: list[str] = []
        for source in self.sources:
            if source.version is not None:
                versions.append(source.version)
                continue
            self.signals.progress.emit(f"Reading {source.display}…")
            try:
                if source.data is not None:
                    versions.append(load_bytes(source.data, source.label or "clipboard"))
                else:
                    versions.append(load_path(source.path or ""))
            except LoadError as exc:
                errors.append(str(exc))
            except MemoryError:
                errors.append(f"{source.display}: not enough memory to read it")
            except Exception as exc:  # noqa: BLE001 - a loader bug must not crash the window
                errors.append(f"{source.display}: could not be read ({type(exc).__name__})")
        model: DocumentModel | None = None
        try:
            if len(versions) >= 2:
                self.signals.progress.emit("Comparing…")
                from comparer.core.compare import compare

                # Quotes come later (QuotesTask): the changes are worth showing at once.
                model = build_model(compare(versions, self.options, with_quotes=False))
            elif versions:
                model = build_single(versions[0])
        except MemoryError:
            errors.append("Not enough memory to compare these versions")
        except Exception as exc:  # noqa: BLE001 - keep the window alive whatever happens
            errors.append(f"The comparison failed ({type(exc).__name__}: {exc})")
        self.signals.finished.emit(TaskResult(self.generation, versions, model, errors))


class QuotesTask(QRunnable):
    """Find who is quoted in each version, after the comparison is already on screen."""

    def __init__(self, generation: int, comparison: Comparison) -> None:
        super().__init__()
        self.generation = generation
        self.comparison = comparison
        self.signals = TaskSignals()
        self.setAutoDelete(True)

    def run(self) -> None:  # noqa: D102
        from comparer.core.quotes import extract_quotes_many
        from comparer.core.speakers import list_speakers

        try:
            found = extract_quotes_many([(v.text, v.paragraphs) for v in self.comparison.versions])
            result: Comparison | None = replace(
                self.comparison, quotes=found, speakers=list_speakers(found)
            )
        except Exception:  # noqa: BLE001 - speakers are extra; the comparison stands
            result = None
        self.signals.finished.emit((self.generation, result))
