"""FastAPI service: chat relay to Rasa, health, and (later) routing and directory endpoints."""
