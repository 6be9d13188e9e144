"""The load generator of the benchmarks: aiohttp clients on loopback, bounded in time and count.

`hammer()` keeps `concurrency` requests in flight for `seconds` (or until `max_requests`) and
reports requests per second and latency percentiles. Only 127.0.0.1 is ever a target.
"""

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import aiohttp

MAX_REQUESTS = 200_000


@dataclass
class Load:
    requests: int  # successful answers, all of them
    errors: int
    seconds: float  # the measuring window
    in_window: int  # successful answers that arrived within the window
    p50_ms: float
    p95_ms: float
    statuses: dict

    @property
    def rps(self) -> float:
        """Throughput: answers within the window (requests still in flight at its end are
        waited for, for the consistency checks, but not counted)."""
        return self.in_window / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {
            "requests": self.requests,
            "in_window": self.in_window,
            "errors": self.errors,
            "seconds": round(self.seconds, 3),
            "rps": round(self.rps, 1),
            "p50_ms": round(self.p50_ms, 2),
            "p95_ms": round(self.p95_ms, 2),
            "statuses": self.statuses,
        }


def _check_local(url: str) -> None:
    if not url.startswith(("http://127.0.0.1:", "http://localhost:")):
        raise ValueError(f"the benchmarks only load this machine, not {url}")


# One request of a virtual client: gets its number and the shared session, returns the status.
Step = Callable[[int, aiohttp.ClientSession], Awaitable[int]]


async def _hammer(step: Step, *, concurrency: int, seconds: float, max_requests: int) -> Load:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    in_window = [0]
    deadline = time.perf_counter() + seconds
    budget = [max_requests]

    async def client(number: int, session: aiohttp.ClientSession) -> None:
        while time.perf_counter() < deadline and budget[0] > 0:
            budget[0] -= 1
            start = time.perf_counter()
            try:
                status = await step(number, session)
            except aiohttp.ClientError:
                status = 0
            finished = time.perf_counter()
            latencies.append(finished - start)
            statuses[status] = statuses.get(status, 0) + 1
            if finished <= deadline and 200 <= status < 400:
                in_window[0] += 1

    connector = aiohttp.TCPConnector(limit=concurrency, force_close=False)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        await asyncio.gather(*(client(n, session) for n in range(concurrency)))
    ok = sum(count for status, count in statuses.items() if 200 <= status < 400)
    ordered = sorted(latencies) or [0.0]
    return Load(
        requests=ok,
        errors=len(latencies) - ok,
        seconds=seconds,
        in_window=in_window[0],
        p50_ms=statistics.median(ordered) * 1000,
        p95_ms=ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000,
        statuses={str(k): v for k, v in sorted(statuses.items())},
    )


def hammer(
    step: Step, *, concurrency: int, seconds: float, max_requests: int = MAX_REQUESTS
) -> Load:
    return asyncio.run(
        _hammer(step, concurrency=concurrency, seconds=seconds, max_requests=max_requests)
    )


def get_step(url: str) -> Step:
    """GET `url` without cookies: an anonymous visitor's first view."""
    _check_local(url)

    async def step(_number: int, session: aiohttp.ClientSession) -> int:
        async with session.get(url, allow_redirects=False) as response:
            await response.read()
            return response.status

    return step


def get_load(url: str, *, concurrency: int = 8, seconds: float = 3.0) -> Load:
    return hammer(get_step(url), concurrency=concurrency, seconds=seconds)


async def post(
    session: aiohttp.ClientSession, url: str, data: dict, cookies: dict[str, str]
) -> tuple[int, dict]:
    """A form post as participation.js sends it (JSON answer), with a visitor's cookies."""
    _check_local(url)
    headers = {
        "Accept": "application/json",
        "X-CSRFToken": cookies["csrftoken"],
        "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
    }
    async with session.post(url, data=data, headers=headers, allow_redirects=False) as response:
        body = await response.read()
        if response.content_type == "application/json":
            import json

            return response.status, json.loads(body)
        return response.status, {}
