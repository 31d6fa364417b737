"""Reads Skyloom's GeoParquet and GeoJSON files with GeoPandas and pyarrow and prints what they see as JSON.

Usage: geo_readback.py FILE... ; .parquet files are read with geopandas.read_parquet and pyarrow,
.geojson files with geopandas.read_file. The last line printed is a JSON object, file name to findings.
"""
import json
import sys

import geopandas
import pyarrow.parquet


def rows(frame):
    result = []
    for _, row in frame.iterrows():
        item = {}
        for name, value in row.items():
            if name == "geometry":
                item[name] = None if value is None else value.wkt
            elif hasattr(value, "value") and hasattr(value, "tzinfo"):  # a pandas Timestamp: nanoseconds
                item[name] = int(value.value)
            elif getattr(value, "ndim", 0) > 0:  # a numpy array, e.g. a list field read by GDAL
                item[name] = value.tolist()
            elif hasattr(value, "item"):  # a numpy scalar
                item[name] = value.item()
            elif isinstance(value, (bytes, bytearray)):
                item[name] = value.hex()
            else:
                item[name] = value if value is None or isinstance(value, (str, int, float, bool)) else str(value)
        result.append(item)
    return result


def main(paths):
    seen = {}
    for path in paths:
        if path.endswith(".parquet"):
            frame = geopandas.read_parquet(path)
            schema = pyarrow.parquet.read_schema(path)
            seen[path] = {
                "rows": rows(frame),
                "crs": frame.crs.to_string() if frame.crs else None,
                "arrow_types": {field.name: str(field.type) for field in schema},
            }
        else:
            frame = geopandas.read_file(path)
            seen[path] = {
                "rows": rows(frame),
                "crs": frame.crs.to_string() if frame.crs else None,
            }
    print(json.dumps(seen, default=str))


if __name__ == "__main__":
    main(sys.argv[1:])
