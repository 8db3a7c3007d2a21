"""The load of bench/load.py: users asking for one path (BENCH_PATH) over and over, without pause."""

import os

from locust import FastHttpUser, constant, task


class Reader(FastHttpUser):
    wait_time = constant(0)

    @task
    def read(self) -> None:
        self.client.get(os.environ["BENCH_PATH"], headers={"X-Forwarded-Proto": "https"})
