"""Custom Rasa actions. Thin by design: the knowledge and routing live behind the API."""
