"""Prints the descriptors the installed official Tilebox client was generated from.

Line 1: the installed tilebox-datasets version. Line 2: a base64 FileDescriptorSet holding every datasets/v1 and
tilebox/v1 file of the package, read from the serialized descriptors its generated *_pb2 modules carry.
"""
import base64
import importlib
import importlib.metadata
import pathlib

import tilebox.datasets
from google.protobuf import descriptor_pb2

root = pathlib.Path(tilebox.datasets.__file__).parent
files = descriptor_pb2.FileDescriptorSet()
for folder in ("datasets/v1", "tilebox/v1"):
    for module_file in sorted((root / folder).glob("*_pb2.py")):
        module = importlib.import_module("tilebox.datasets." + folder.replace("/", ".") + "." + module_file.stem)
        files.file.add().ParseFromString(module.DESCRIPTOR.serialized_pb)

print("tilebox-datasets " + importlib.metadata.version("tilebox-datasets"))
print(base64.b64encode(files.SerializeToString()).decode("ascii"))
