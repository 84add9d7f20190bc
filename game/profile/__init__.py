"""Profiles: each child's progress, quiz answers and settings, and the device's own setting
(the grown-up's language), saved on this device only."""
