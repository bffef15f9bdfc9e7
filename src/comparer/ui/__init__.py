"""The reader window: Qt widgets that show a comparison."""
