"""logstream-ci, the project-wide runner of logstream-tidy (bin/logstream-ci).

  cli       the command line (run, merge, facts) and the run that ties the parts
  inputs    compilation database, project root, git changes, file contents
  runner    what to analyse, the configuration check, logstream-tidy in parallel
  facts     project facts: extraction, merge, re-check (docs/project-facts.md)
  cache     the result cache
  findings  positions, de-duplication, changed lines, fingerprints
  baseline  accepted findings
  fixes     fix-its: de-duplicated, all or nothing, exported
  reports   text, JSON, SARIF, GitHub, GitLab
  outputs   output files checked first and written whole
  shard     cost-balanced shards and their reports
  registry  the check registry (lib/logstream/checks.json)
  common    errors, warnings, paths, file kinds, YAML
"""
