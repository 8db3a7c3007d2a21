"""Benchmarks (`make bench`): timings belong here, not in the tests. Each section writes its table into
bench/results.md with a description of the machine, so that runs can be compared."""
