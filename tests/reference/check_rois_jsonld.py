#!/usr/bin/env python3
"""Checks research measure's rois.jsonld with a JSON-LD processor, independently of our C# writer.

Run: /usr/bin/python3 tests/reference/check_rois_jsonld.py rois.jsonld [objects.csv]   (Debian 12: python3-pyld 2.0.3)
Expands the document with pyld (no network: the @context is inline) and requires: one schema.org Dataset; every
property name used expands to a schema.org IRI that the document's vocabulary uses on purpose (a misspelt term would
otherwise expand silently through @vocab); image nodes typed schema:ImageObject whose schema:hasPart are the
objects; every object typed by an OBO PURL through schema:additionalType when the dataset has ontology terms, with
an identifier and schema:PropertyValue measurements; every ontology IRI a full http://purl.obolibrary.org/obo/ PURL.
With objects.csv, the object count and every object's area must equal the table's. Prints "ok ..." or the problems.
"""
import csv
import json
import sys

from pyld import jsonld

S = "https://schema.org/"
OBO = "http://purl.obolibrary.org/obo/"
TERMS = {"name", "description", "measurementTechnique", "about", "identifier", "variableMeasured", "unitText",
         "hasPart", "isPartOf", "additionalType", "additionalProperty", "value", "width", "height"}


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


def main(path, table=None):
    doc = json.load(open(path, encoding="utf-8"))
    problems = [f"term '{k}' is not one this vocabulary uses" for k in sorted(keys(doc, set()) - TERMS)]
    expanded = jsonld.expand(doc)
    datasets = [n for n in expanded if S + "Dataset" in n.get("@type", [])]
    if len(datasets) != 1:
        return report(path, problems + [f"expected one schema.org Dataset, found {len(datasets)}"])
    dataset = datasets[0]
    for prop in ("measurementTechnique", "about"):
        for term in dataset.get(S + prop, []):
            if not term["@id"].startswith(OBO):
                problems.append(f"{prop} {term['@id']} is not an OBO PURL")
    typed = bool(dataset.get(S + "measurementTechnique"))
    images = dataset.get(S + "hasPart", [])
    areas = {}
    for image in images:
        if S + "ImageObject" not in image.get("@type", []):
            problems.append(f"{image.get('@id')}: not a schema:ImageObject")
        name = image[S + "name"][0]["@value"]
        for obj in image.get(S + "hasPart", []):
            types = [t["@id"] for t in obj.get(S + "additionalType", [])]
            if typed and (not types or not all(t.startswith(OBO) for t in types)):
                problems.append(f"{obj['@id']}: additionalType {types} is not an OBO PURL")
            if not obj.get(S + "identifier"):
                problems.append(f"{obj['@id']}: no identifier")
            values = {}
            for pv in obj.get(S + "additionalProperty", []):
                if S + "PropertyValue" not in pv.get("@type", []):
                    problems.append(f"{obj['@id']}: a measurement is not a schema:PropertyValue")
                values[pv[S + "name"][0]["@value"]] = pv.get(S + "value", [{}])[0].get("@value")
            label = values.get("label")
            areas[(name, str(label))] = values.get("area")
    if table:
        rows = list(csv.DictReader(open(table, encoding="utf-8")))
        if len(rows) != len(areas):
            problems.append(f"{len(areas)} objects in the JSON-LD, {len(rows)} rows in {table}")
        for row in rows:
            if areas.get((row["image"], row["label"])) != int(row["area"]):
                problems.append(f"{row['image']} #{row['label']}: area {row['area']} in the table, {areas.get((row['image'], row['label']))} in the JSON-LD")
                break
    return report(path, problems, f"ok {len(images)} images, {len(areas)} objects")


def report(path, problems, ok=""):
    if problems:
        print("\n".join(f"{path}: {p}" for p in problems[:20]))
        return 1
    print(f"{path}: {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
