"""Rasa inside the bot process: the bridge to the agent, its patches and the custom pipeline components."""
