"""Loading and comparing versions off the GUI thread.

``CompareTask`` loads the versions, puts them in order and compares only the pair to be
shown first, so the window paints as soon as a two-version comparison would. ``StoryTask``
then works through the rest of the story in the background (every consecutive pair, the
lineages and figures, then the quotes), and ``PairTask`` compares a pair the reader asks
for that is not known yet.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRunnable, Signal

from comparer.core.model import CompareOptions, Version
from comparer.core.story import ORDER_AUTO, ORDER_DATE, Contradiction, Story
from comparer.ui.document_model import DocumentModel, build_model, build_single

log = logging.getLogger(__name__)


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
    story: Story | None = None
    pair: tuple[int, int] | None = None
    by_date: bool = False  # the articles' dates decided the order
    clash: Contradiction | None = None  # the order used goes against the dates


class TaskSignals(QObject):
    """Signals of a ``CompareTask`` (QRunnable cannot have its own)."""

    progress = Signal(str)
    finished = Signal(object)
    pair_done = Signal(object)  # (generation, story): a consecutive pair was compared
    history_done = Signal(object)  # (generation, story, StoryHistory or None)


class CompareTask(QRunnable):
    """Load the sources that need it, compare, and build the model the views paint."""

    def __init__(
        self,
        generation: int,
        sources: list[Source],
        options: CompareOptions,
        order: str = ORDER_AUTO,
        pair: tuple[int, int] | None = None,
    ) -> None:
        super().__init__()
        self.generation = generation
        self.sources = sources
        self.options = options
        self.order = order
        self.pair = pair
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
        from comparer.core.story import choose_order, contradiction, dates_decide

        model: DocumentModel | None = None
        story: Story | None = None
        pair: tuple[int, int] | None = None
        by_date = False
        clash = None
        try:
            order = choose_order(versions, self.order)
            by_date = self.order == ORDER_DATE or (
                self.order == ORDER_AUTO and dates_decide(versions)
            )
            versions = [versions[i] for i in order]
            clash = contradiction(versions)
            story = Story(versions, self.options)
            n = len(versions)
            if n >= 2:
                self.signals.progress.emit("Comparing…")
                a, b = self.pair if self.pair and max(self.pair) < n else (n - 2, n - 1)
                pair = (a, b)
                # Only the pair shown first: the rest of the story comes in the background.
                model = build_model(story.comparison((a, b)), (a, b))
            elif versions:
                model = build_single(versions[0])
        except MemoryError:
            errors.append("Not enough memory to compare these versions")
        except Exception:  # noqa: BLE001 - keep the window alive whatever happens
            log.exception("the comparison failed")
            errors.append(
                "The comparison failed: this is a fault in Comparer, not in your files. "
                "Please report it with the files if you can."
            )
        self.signals.finished.emit(
            TaskResult(self.generation, versions, model, errors, story, pair, by_date, clash)
        )


class PairTask(QRunnable):
    """Compare the versions of a story the reader wants to see, and build their model."""

    def __init__(self, generation: int, story: Story, shown: tuple[int, ...]) -> None:
        super().__init__()
        self.generation = generation
        self.story = story
        self.shown = shown
        self.signals = TaskSignals()
        self.setAutoDelete(True)

    def run(self) -> None:  # noqa: D102
        try:
            model: DocumentModel | None = build_model(self.story.comparison(self.shown), self.shown)
        except Exception:  # noqa: BLE001 - the window says the pair could not be compared
            model = None
        self.signals.finished.emit((self.generation, self.story, self.shown, model))


class StoryTask(QRunnable):
    """Work through a whole story in the background: pairs, history, then quotes.

    Each consecutive pair compared is announced (``pair_done``) so the timeline fills in;
    the history comes twice, without the speakers first and then with them.
    """

    def __init__(self, generation: int, story: Story, with_quotes: bool = True) -> None:
        super().__init__()
        self.generation = generation
        self.story = story
        self.with_quotes = with_quotes
        self.cancelled = False
        self.signals = TaskSignals()
        self.setAutoDelete(True)

    def run(self) -> None:  # noqa: D102
        from comparer.core.history import build_history

        story = self.story
        try:
            # newest first: the reader starts at the latest pair and steps back
            for k in range(len(story) - 2, -1, -1):
                if self.cancelled:
                    return
                if not story.has_pair(k, k + 1):
                    story.pair(k, k + 1)
                    if not self._tell(self.signals.pair_done, (self.generation, story)):
                        return
            if self.cancelled:
                return
            history = build_history(story, with_quotes=False)
            if not self._tell(self.signals.history_done, (self.generation, story, history)):
                return
            if self.with_quotes and not self.cancelled:
                history = build_history(story, with_quotes=True)
                self._tell(self.signals.history_done, (self.generation, story, history))
        except Exception:  # noqa: BLE001 - the comparison on screen stands
            self._tell(self.signals.history_done, (self.generation, story, None))

    def _tell(self, signal: object, payload: object) -> bool:
        """Emit ``payload`` unless the task was cancelled; False when nobody can hear it."""
        if self.cancelled:
            return False
        try:
            signal.emit(payload)  # type: ignore[attr-defined]
        except RuntimeError:  # the window closed and took the signals with it
            return False
        return True
