#!/usr/bin/env bash
# The consumer check: builds a retailer's application against the SDK installed in the local Maven repository
# (run `mvn -B -q -DskipTests install` in the repository root first), trains a small recommender with the training
# set of dependencies, then serves it with the serving-only set and checks what that set costs. Extra Maven options
# (for example -o) come from MVN_ARGS; the JDK from JAVA_HOME or the PATH.
set -euo pipefail
cd "$(dirname "$0")"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MVN="mvn -B -q ${MVN_ARGS:-}"
OUT="$PWD/target"

"$JAVA" -version 2>&1 | head -1
$MVN clean compile dependency:build-classpath -Dmdep.outputFile="$OUT/serving.cp" -Dmdep.includeScope=runtime
$MVN -Ptraining dependency:build-classpath -Dmdep.outputFile="$OUT/training.cp" -Dmdep.includeScope=runtime
$MVN -f governance/pom.xml dependency:build-classpath -Dmdep.outputFile="$OUT/governance.cp" \
    -Dmdep.includeScope=runtime

# a training job: the application's classes plus sdk-training. DJL unpacks PyTorch (about 430 MB) into its cache
# directory, ~/.djl.ai unless DJL_CACHE_DIR says otherwise; here the one the SDK build's tests use.
"$JAVA" -DDJL_CACHE_DIR="${DJL_CACHE_DIR:-$PWD/../target/djl-cache}" -cp "$OUT/classes:$(cat "$OUT/training.cp")" \
    com.example.shop.TrainRecommender "$OUT/models/recommender"
# the serving application: the serving-only class path
"$JAVA" -cp "$OUT/classes:$(cat "$OUT/serving.cp")" com.example.shop.ServingCheck "$OUT/models/recommender" \
    "$OUT/serving.cp" "$OUT/governance.cp" "$OUT/training.cp"
