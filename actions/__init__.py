"""Custom Rasa actions (served by rasa_sdk): guidance flows, safety replies, conversation helpers.

``rasa_sdk --actions actions`` imports every module in this package and registers each
``Action`` subclass it finds.
"""
