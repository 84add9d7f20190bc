"""Profiles: each child's progress, quiz answers and settings, saved on this device only."""
