"""Test-wide settings: hypothesis runs derandomized, so every run (and CI) tests the same cases."""

from hypothesis import settings

settings.register_profile("derive", derandomize=True, print_blob=True)
settings.load_profile("derive")
