"""Load tests, benchmarks and synthetic data for running at scale; not part of the site."""
