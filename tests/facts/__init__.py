"""Tests for viewer.facts."""
