"""Validates the service's /openapi.json (OpenAPI 3.1) with openapi-spec-validator, then checks
that each documented GET route answers a JSON object, `pdesi` standing for a path parameter.
The service's address is GUICHET_URL (Scripts/with-server sets it)."""
import json
import os
import sys
import urllib.error
import urllib.request

from openapi_spec_validator import validate

base = os.environ["GUICHET_URL"]
with urllib.request.urlopen(base + "/openapi.json") as response:
    document = json.load(response)
validate(document)
failures = 0
for route, operations in document["paths"].items():
    if "get" not in operations:
        continue
    try:
        with urllib.request.urlopen(base + route.replace("{id}", "pdesi")) as response:
            if not isinstance(json.load(response), dict):
                raise ValueError("pas un objet JSON")
    except (urllib.error.HTTPError, ValueError) as error:
        print(f"check-openapi : {route} : {error}", file=sys.stderr)
        failures += 1
paths = len(document["paths"])
print(f"openapi.json : document OpenAPI {document['openapi']} valide, {paths} chemins ; routes GET vérifiées")
sys.exit(1 if failures else 0)
