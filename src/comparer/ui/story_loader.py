"""Gets the panes the versions the reader state shows, and the story its history.

The window shows a pair as soon as it is compared; everything else is worked out on the
thread pool. ``StoryLoader`` keeps the painted models of the last few pairs read (stepping
back and forth redraws at once), compares a pair the reader asks for that is not known
yet, and runs through the rest of the story in the background, telling the reader state
as pairs, lineages, figures and quotes become known.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, QThreadPool, Signal

from comparer.core.history import StoryHistory
from comparer.core.story import Story
from comparer.ui.compare_task import PairTask, StoryTask
from comparer.ui.document_model import DocumentModel, build_model
from comparer.ui.reader_state import ReaderState

MODELS_KEPT = 8  # pairs whose painted model is kept, for stepping back and forth


class StoryLoader(QObject):
    """Models for the state's panes and the story's history, off the GUI thread.

    Signals:
        model_ready(object): the ``DocumentModel`` of the versions the state shows now.
        working(str): a pair is being compared (what to say), or "" when that is over.
        failed(str): a pair could not be compared (what to say).
        history_ready(object): the ``StoryHistory`` now known (first without the speakers,
            then with them), already given to the state; None when working it out failed.
    """

    model_ready = Signal(object)
    working = Signal(str)
    failed = Signal(str)
    history_ready = Signal(object)

    def __init__(self, state: ReaderState, with_quotes: bool, parent: QObject | None = None):
        """Serve ``state``; ``with_quotes``: also find who is quoted in the story."""
        super().__init__(parent)
        self._state = state
        self._with_quotes = with_quotes
        self._generation = 0
        self._models: dict[tuple[int, ...], DocumentModel] = {}  # by the shown versions' ids
        self._task: StoryTask | None = None
        self._wanted: tuple[int, ...] = ()

    def begin(self, generation: int, story: Story, first: DocumentModel | None) -> None:
        """``story`` is about to be shown; ``first`` is the model of its pair shown first."""
        self.cancel()
        self._generation = generation
        if first is not None:
            self._remember(story, first.numbers, first)

    def cancel(self) -> None:
        """Forget the story: its background work goes unheard, its models are dropped."""
        self._generation += 1
        self._models.clear()
        if self._task is not None:
            self._task.cancelled = True
            self._task = None
        if self._wanted:
            self._wanted = ()
            self.working.emit("")

    def follow_story(self) -> None:
        """The state has a new story (or order): work its history out in the background."""
        story = self._state.story
        if story is None or len(story) < 2 or self._state.history is not None:
            return
        if self._task is not None and self._task.story is story:
            return
        if self._task is not None:
            self._task.cancelled = True
        task = StoryTask(self._generation, story, with_quotes=self._with_quotes)
        task.signals.pair_done.connect(self._on_pair_done)
        task.signals.history_done.connect(self._on_history)
        self._task = task
        QThreadPool.globalInstance().start(task)

    def show_shown(self) -> None:
        """Hand out the model of the versions the state shows, comparing them if need be."""
        story, shown = self._state.story, self._state.shown
        if story is None or len(shown) < 2:
            return
        model = self._models.get(self._key(story, shown))
        if model is not None and model.numbers != shown:
            model = None  # the same versions at other places: numbered anew
        if model is None and all(
            story.has_pair(a, b) for a, b in zip(shown, shown[1:], strict=False)
        ):
            model = build_model(story.comparison(shown, with_quotes=story.has_quotes()), shown)
            self._remember(story, shown, model)
        if model is None:
            self._wanted = shown
            self.working.emit(
                self.tr("Comparing v{0} ↔ v{1}…").format(shown[0] + 1, shown[-1] + 1)
            )
            task = PairTask(self._generation, story, shown)
            task.signals.finished.connect(self._on_pair_task)
            QThreadPool.globalInstance().start(task)
            return
        if self._wanted:  # a pair asked for earlier is no longer awaited
            self._wanted = ()
            self.working.emit("")
        self.model_ready.emit(model)

    def with_quotes(self, model: DocumentModel) -> DocumentModel | None:
        """``model`` rebuilt around the same rows with its versions' quotes, once known."""
        story = self._state.story
        comparison = model.comparison
        if story is None or comparison is None or comparison.quotes or not story.has_quotes():
            return None
        if any(i >= len(story) for i in model.numbers):
            return None
        quoted = dataclasses.replace(
            model, comparison=story.comparison(model.numbers, with_quotes=True)
        )
        self._remember(story, model.numbers, quoted)
        return quoted

    # ------------------------------------------------------------------ inside
    @staticmethod
    def _key(story: Story, shown: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(story.ids[i] for i in shown)

    def _remember(self, story: Story, shown: tuple[int, ...], model: DocumentModel) -> None:
        key = self._key(story, shown)
        self._models.pop(key, None)
        self._models[key] = model
        while len(self._models) > MODELS_KEPT:
            self._models.pop(next(iter(self._models)))

    def _on_pair_task(
        self, payload: tuple[int, Story, tuple[int, ...], DocumentModel | None]
    ) -> None:
        generation, story, shown, model = payload
        if generation != self._generation or story is not self._state.story:
            return
        if shown != self._state.shown or shown != self._wanted:
            return
        self._wanted = ()
        self.working.emit("")
        if model is None:
            self.failed.emit(self.tr("These versions could not be compared."))
            return
        self._remember(story, shown, model)
        self.model_ready.emit(model)

    def _on_pair_done(self, payload: tuple[int, Story]) -> None:
        generation, story = payload
        if generation == self._generation and story is self._state.story:
            self._state.tell_progress()

    def _on_history(self, payload: tuple[int, Story, StoryHistory | None]) -> None:
        generation, story, history = payload
        if generation != self._generation or story is not self._state.story:
            return
        if history is not None:
            self._state.set_history(history)
        self.history_ready.emit(history)
