#!/usr/bin/env bash
# Reads every odd fixture feed and a generated 10,000-item feed with Warta's FeedReader (jsoup's
# XML parser) and with Rome 2.1.0, and prints what each found and how long each took.
# A benchmark, not a test: no number here ever fails a build. Run from the repository's top level.
set -euo pipefail
cd "$(dirname "$0")/../.."
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp"
java -cp "target/classes:target/test-classes:$(cat "$cp")" warta.feed.FeedParserComparison
