#!/usr/bin/env python3
"""Checks that a Croissant file is valid JSON-LD, independently of our C# writer.

Run: /usr/bin/python3 tests/reference/check_jsonld.py croissant.json [more.json ...]   (Debian 12: python3-pyld 2.0.3)
Expands the document with pyld (no network: the @context must be inline), requires a schema.org Dataset node
that declares dct:conformsTo Croissant 1.0, and requires every property name to be defined: in the @context, as a
compact IRI with a declared prefix, or as one of the schema.org properties Croissant 1.0 uses. (Croissant's context
sets @vocab to schema.org, so a misspelt term would otherwise expand silently to a schema.org IRI that does not exist.)
Prints "ok <nodes> nodes" or the problems, exit 0 / 1.
"""
import json
import sys

from pyld import jsonld


# schema.org properties used by Croissant 1.0 documents (https://docs.mlcommons.org/croissant/docs/croissant-spec.html).
SCHEMA_ORG_TERMS = {
    "name", "description", "license", "url", "creator", "publisher", "datePublished", "dateCreated", "dateModified",
    "distribution", "keywords", "version", "contentUrl", "contentSize", "encodingFormat", "sha256", "sameAs",
    "inLanguage", "isAccessibleForFree", "alternateName", "identifier", "email", "citation",
    "about", "measurementTechnique",  # ontology terms of the objects and imaging method (OBO PURLs)
}


def keys(node, found, literal):
    """Property names used in the document, not descending into @context or values typed @json (literals)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if not k.startswith("@"):
                found.add(k)
            if k != "@context" and k not in literal:
                keys(v, found, literal)
    elif isinstance(node, list):
        for v in node:
            keys(v, found, literal)
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
    literal = {k for k, v in ctx.items() if isinstance(v, dict) and v.get("@type") == "@json"}
    for key in sorted(keys(doc, set(), literal)):
        prefix = key.split(":", 1)[0] if ":" in key else None
        defined = key in ctx or (prefix is not None and prefix in ctx) or key in SCHEMA_ORG_TERMS
        probe = jsonld.expand({"@context": ctx, key: "x"})
        if not defined or not probe or not any(k.startswith("http") for k in probe[0]):
            problems.append(f"term '{key}' does not expand to a defined IRI (missing from @context?)")
    if problems:
        print("\n".join(f"{path}: {p}" for p in problems))
        return 1
    flat = jsonld.flatten(doc)
    nodes = flat if isinstance(flat, list) else flat.get("@graph", [])
    print(f"{path}: ok {len(nodes)} nodes")
    return 0


if __name__ == "__main__":
    sys.exit(max(main(p) for p in sys.argv[1:]))
