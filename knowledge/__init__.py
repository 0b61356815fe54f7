"""Knowledge base: actors, places, sources, and the shared safety texts."""
