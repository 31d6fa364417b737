# The Python docs' concurrent example with the official Tilebox aio client: loads the given collections at once with
# asyncio.gather and prints one JSON object: the seconds the gather took and the datapoints of each collection.
# Arguments: server URL, dataset slug, from, to, collection names...
import asyncio
import json
import sys
import time

from tilebox.datasets.aio import Client


async def main(url, slug, start, end, names):
    client = Client(url=url, transport="http1", warn_if_unauthenticated=False)
    dataset = await client.dataset(slug)
    collections = [await dataset.collection(name) for name in names]
    began = time.perf_counter()
    results = await asyncio.gather(*(c.query(temporal_extent=(start, end)) for c in collections))
    seconds = time.perf_counter() - began
    counts = [int(r.sizes.get("time", 0)) for r in results]
    print(json.dumps({"seconds": seconds, "counts": counts}))


asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]))
