#!/usr/bin/env python3
"""Closes the OpenAPI document's object schemas (`additionalProperties: false`) so that the
contract test also fails on a response carrying a field its schema does not name: utoipa leaves
objects open, and schemathesis accepts undeclared fields in an open object.

Left open: objects with no declared properties (free-form JSON such as a code's
interpretation) and schemas that take part in an allOf/anyOf/oneOf composition, where closing
one part would refuse the other parts' fields.

    python3 scripts/strict-openapi.py < openapi.json > strict.json
"""

import json
import sys


def composed_refs(node, found):
    if isinstance(node, dict):
        for key in ("allOf", "anyOf", "oneOf"):
            for part in node.get(key, []):
                if isinstance(part, dict):
                    if "$ref" in part:
                        found.add(part["$ref"].rsplit("/", 1)[-1])
                    part["x-composed"] = True
        for value in node.values():
            composed_refs(value, found)
    elif isinstance(node, list):
        for value in node:
            composed_refs(value, found)


def close(node, skip):
    if isinstance(node, dict):
        composed = node.pop("x-composed", False)
        if "properties" in node and "additionalProperties" not in node and not composed and not skip:
            node["additionalProperties"] = False
        for value in node.values():
            close(value, False)
    elif isinstance(node, list):
        for value in node:
            close(value, False)


doc = json.load(sys.stdin)
composed = set()
composed_refs(doc, composed)
for name, schema in doc.get("components", {}).get("schemas", {}).items():
    close(schema, name in composed)
for path in doc.get("paths", {}).values():
    close(path, False)
json.dump(doc, sys.stdout)
