"""Benchmarks (`make bench`): timings belong here, not in the tests. The suite (`python -m bench`, see
`--help`) serves the portal with gunicorn on production's settings, its own PostgreSQL database and Redis
databases, and writes one table into bench/results.md with a description of the machine and of the data,
so that runs can be compared."""
