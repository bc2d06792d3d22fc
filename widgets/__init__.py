"""Reusable Qt pieces that know nothing of a particular tab."""
