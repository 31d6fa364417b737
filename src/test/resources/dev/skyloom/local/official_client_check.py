# Drives the local server with the official Tilebox Python client (tilebox-datasets) over one transport, "grpc" (its
# default, gRPC over cleartext HTTP/2) or "http1" (Connect over HTTP/1.1), and prints what it saw as one JSON object;
# OfficialPythonClientTest checks the figures. Arguments: URL TRANSPORT API_KEY.
import json
import sys

import pandas as pd
from shapely.geometry import box
from tilebox.datasets import Client
from tilebox.datasets.data.datasets import DatasetKind

url, transport, key = sys.argv[1], sys.argv[2], sys.argv[3]
client = Client(url=url, token=key, transport=transport)
seen = {}

dataset = client.create_or_update_dataset(
    DatasetKind.SPATIOTEMPORAL, "official_check", [{"name": "site", "type": str}, {"name": "depth", "type": float}])
trips = dataset.get_or_create_collection("trips")
rows = pd.DataFrame({
    "time": pd.to_datetime(["2025-01-01T00:00:00Z", "2025-01-01T00:00:01Z", "2025-01-01T00:00:02Z"]),
    "geometry": [box(0, 0, 1, 1), box(10, 10, 11, 11), box(20, 20, 21, 21)],
    "site": ["a", "b", "c"],
    "depth": [1.5, 2.5, 3.5],
})
ids = trips.ingest(rows)
again = trips.ingest(rows)
seen["ingested"] = len(ids)
seen["same_ids_on_repeat"] = [str(i) for i in ids] == [str(i) for i in again]

day = ("2025-01-01", "2025-01-02")
result = trips.query(temporal_extent=day)
seen["sites"] = [str(s) for s in result.site.values]
seen["depths"] = [float(d) for d in result.depth.values]
near = trips.query(temporal_extent=day, spatial_extent=box(-1, -1, 12, 12))
seen["sites_near_origin"] = sorted(str(s) for s in near.site.values)
seen["found"] = str(trips.find(str(ids[1])).site.item())
seen["collections"] = sorted(dataset.collections().keys())
seen["deleted"] = trips.delete(ids)
try:
    client.dataset("open_data.nope")
    seen["missing_dataset"] = "no error"
except Exception as error:  # the client raises its NotFoundError
    seen["missing_dataset"] = type(error).__name__

try:
    Client(url=url, token="tbx-wrong", transport=transport).datasets()
    seen["wrong_key"] = "no error"
except Exception as error:  # the client raises its AuthenticationError
    seen["wrong_key"] = type(error).__name__

print(json.dumps(seen))
