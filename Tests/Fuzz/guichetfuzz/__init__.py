"""The mutation fuzzer for `guichet`, run through `Tests/Fuzz/fuzz.py` (see Tests/Fuzz/README.md).

One module per job, in the order an input goes through them:

- `corpus`: the sample applications and schemes, read once from the repository;
- `inputs`: input number K of a seed, a sample with one to three stacked mutations;
- `mutations`: the weighted list of mutators, which live in `structure`, `values`, `rawbytes`,
  `limits`, `identifiers` and `expressions`, on top of the YAML text helpers of `yamltext`;
- `process`: one run of the binary, killed with its process group after the timeout;
- `checks`: what a run may print and write, and the problems found when it does otherwise;
- `runner`: batches of applications with bisection of the failing ones, scheme inputs;
- `campaign`: the tasks shared among the workers, within the time budget;
- `findings`: findings grouped by cause, reproducers, minimisation and the report.

Standard library only, so that CI needs nothing beyond Python 3.11.
"""
