#!/usr/bin/env python3
"""Checks that a Croissant file is valid JSON-LD, independently of our C# writer.

Run: /usr/bin/python3 tests/reference/check_jsonld.py croissant.json [more.json ...]   (Debian 12: python3-pyld 2.0.3)
Expands the document with pyld (no network: the @context must be inline), requires a schema.org Dataset node
that declares dct:conformsTo Croissant 1.0, and requires every property name used anywhere in the document to
expand to an IRI (JSON-LD silently drops terms its context does not define; here that is an error).
Prints "ok <nodes> nodes" or the problems, exit 0 / 1.
"""
import json
import sys

from pyld import jsonld


def keys(node, found):
    if isinstance(node, dict):
        for k, v in node.items():
            if not k.startswith("@"):
                found.add(k)
            if k != "@context":
                keys(v, found)
    elif isinstance(node, list):
        for v in node:
            keys(v, found)
    return found


def main(path):
    doc = json.load(open(path, encoding="utf-8"))
    ctx = doc.get("@context")
    if not isinstance(ctx, dict):
        print(f"{path}: @context must be an inline object")
        return 1
    expanded = jsonld.expand(doc)
    problems = []
    dataset = [n for n in expanded if "https://schema.org/Dataset" in n.get("@type", [])]
    if len(dataset) != 1:
        problems.append(f"expected one schema.org Dataset node, found {len(dataset)}")
    else:
        conforms = dataset[0].get("http://purl.org/dc/terms/conformsTo", [])
        values = [c.get("@id", c.get("@value")) for c in conforms]
        if "http://mlcommons.org/croissant/1.0" not in values:
            problems.append(f"dct:conformsTo is {values}, expected http://mlcommons.org/croissant/1.0")
    for key in sorted(keys(doc, set())):
        probe = jsonld.expand({"@context": ctx, key: "x"})
        if not probe or not any(k.startswith("http") for k in probe[0]):
            problems.append(f"term '{key}' does not expand to an IRI (missing from @context?)")
    if problems:
        print("\n".join(f"{path}: {p}" for p in problems))
        return 1
    flat = jsonld.flatten(doc)
    nodes = flat if isinstance(flat, list) else flat.get("@graph", [])
    print(f"{path}: ok {len(nodes)} nodes")
    return 0


if __name__ == "__main__":
    sys.exit(max(main(p) for p in sys.argv[1:]))
