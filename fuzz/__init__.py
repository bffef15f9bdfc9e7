"""The project's own fuzzing harness: seeds, targets and the runner."""
