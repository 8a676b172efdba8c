#!/usr/bin/env bash
# Builds the upload bundle for a GPU machine that has Python with CUDA PyTorch but no JDK (see README.md):
# a jlinked Java runtime, the SDK's serving jars, ONNX Runtime's linux-x64 natives (without the CUDA provider, which
# does not fit), the Java probe and run.sh. Prints the bundle's size and fails when it is over the upload limit.
#
# Usage: tools/gpu-check/prepare.sh   (from anywhere in the repository; writes tools/gpu-check/target/)
# Environment: JAVA_HOME  JDK whose jlink and jmods build the runtime (default: the java on the PATH, Java 17+)
#              LIMIT_MIB  upload limit (default 64)
#              MVN        the Maven command (default "mvn -B -q"; add -o where everything is in the local repository)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LIMIT_MIB="${LIMIT_MIB:-64}"
OUT="$HERE/target"
BUNDLE="$OUT/gpu-check"
JDK="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
MVN="${MVN:-mvn -B -q}"
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -1; }
ORT_VERSION="$(pom_property onnxruntime.version)"

for tool in jlink jdeps javac jar; do
  [ -x "$JDK/bin/$tool" ] || { echo "prepare.sh: $JDK/bin/$tool not found; set JAVA_HOME to a JDK (17 or newer)" >&2; exit 1; }
done
[ -d "$JDK/jmods" ] || { echo "prepare.sh: $JDK has no jmods/ folder, which jlink needs (Debian: apt-get install openjdk-17-jmods)" >&2; exit 1; }

rm -rf "$BUNDLE" "$OUT/gpu-check.tar.gz"
mkdir -p "$BUNDLE/lib" "$BUNDLE/native" "$BUNDLE/probe" "$OUT/scratch"

echo "== building sdk-training (with sdk-core and sdk-onnx) and resolving its runtime class path"
# one reactor run, so that the class path names the jars just built (sdk-training's is written last)
(cd "$ROOT" && $MVN -DskipTests -pl sdk-training -am package dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$OUT/scratch/classpath.txt")
cp "$ROOT"/sdk-training/target/sdk-training-*.jar "$BUNDLE/lib/"
rm -f "$BUNDLE"/lib/*-sources.jar "$BUNDLE"/lib/*-javadoc.jar
tr ':' '\n' < "$OUT/scratch/classpath.txt" | while read -r jar; do
  case "$(basename "$jar")" in
    pytorch-native-cpu-*) ;;   # 111 MB of CPU libtorch: the GPU machine's own CUDA libtorch replaces it
    onnxruntime-"$ORT_VERSION".jar) ;;   # the CPU build: replaced by onnxruntime_gpu below
    *) cp "$jar" "$BUNDLE/lib/" ;;
  esac
done

echo "== onnxruntime_gpu $ORT_VERSION: classes as a jar, linux-x64 natives as files"
(cd "$ROOT" && $MVN -N dependency:copy -Dartifact="com.microsoft.onnxruntime:onnxruntime_gpu:$ORT_VERSION" \
  -DoutputDirectory="$OUT/scratch")
GPU_JAR="$OUT/scratch/onnxruntime_gpu-$ORT_VERSION.jar"
# a logging binding, so the SDK's WARN lines (a CUDA fallback, for one) reach java.log in the report
(cd "$ROOT" && $MVN -N dependency:copy -Dartifact="org.slf4j:slf4j-simple:$(pom_property slf4j.version)" \
  -DoutputDirectory="$BUNDLE/lib")
python3 - "$GPU_JAR" "$BUNDLE/lib/onnxruntime_gpu-$ORT_VERSION-classes.jar" "$BUNDLE/native" <<'PY'
import os, sys, zipfile
src, classes_jar, native = sys.argv[1:4]
# The CUDA provider (316 MB, 192 MB compressed) cannot fit the upload: run.sh takes it from the GPU machine's
# Python onnxruntime-gpu of the same version. TensorRT is not probed.
left_out = ("libonnxruntime_providers_cuda.so", "libonnxruntime_providers_tensorrt.so")
with zipfile.ZipFile(src) as z, zipfile.ZipFile(classes_jar, "w", zipfile.ZIP_DEFLATED) as out:
    for e in z.infolist():
        if e.filename.startswith("ai/onnxruntime/native/"):
            name = os.path.basename(e.filename)
            if e.filename.startswith("ai/onnxruntime/native/linux-x64/") and name and name not in left_out:
                with open(os.path.join(native, name), "wb") as f:
                    f.write(z.read(e))
        elif not e.is_dir():
            out.writestr(e, z.read(e))
PY

echo "== the probe"
CP="$(ls "$BUNDLE"/lib/*.jar | tr '\n' ':')"
"$JDK/bin/javac" --release 17 -Xlint:all -Werror -d "$OUT/scratch/classes" -cp "$CP" \
  "$HERE"/probe/io/retailgen/gpucheck/*.java
"$JDK/bin/jar" --create --file "$BUNDLE/probe/gpu-probe.jar" -C "$OUT/scratch/classes" .

echo "== jlinked runtime"
# the platform modules the jars use (jdeps); jdk.unsupported stays because protobuf and Caffeine reach sun.misc.Unsafe
# (on the classes of all jars in one folder: jdeps resolves a modular jar's optional requires and fails on them)
rm -rf "$OUT/scratch/all-classes" && mkdir -p "$OUT/scratch/all-classes"
for jar in "$BUNDLE"/lib/*.jar "$BUNDLE/probe/gpu-probe.jar"; do
  (cd "$OUT/scratch/all-classes" && "$JDK/bin/jar" --extract --file "$jar")
done
find "$OUT/scratch/all-classes" -name module-info.class -delete
MODULES="$("$JDK/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps -q \
  "$OUT/scratch/all-classes" | tr -d '\r')"
echo "modules: $MODULES"
echo "$MODULES" > "$BUNDLE/runtime-modules.txt"
COMPRESS="--compress=2"
if "$JDK/bin/jlink" --help 2>&1 | grep -q "zip-\[0-9\]"; then COMPRESS="--compress=zip-9"; fi
"$JDK/bin/jlink" --module-path "$JDK/jmods" --add-modules "$MODULES" --output "$BUNDLE/runtime" \
  --strip-debug --no-header-files --no-man-pages $COMPRESS

cp "$HERE/run.sh" "$HERE/probe_env.py" "$HERE/README.md" "$BUNDLE/"
chmod +x "$BUNDLE/run.sh"
echo "$ORT_VERSION" > "$BUNDLE/onnxruntime-version.txt"
pom_property pytorch.version > "$BUNDLE/pytorch-version.txt"

tar -C "$OUT" -czf "$OUT/gpu-check.tar.gz" gpu-check
BYTES=$(stat -c %s "$OUT/gpu-check.tar.gz")
echo "== sizes (MiB, unpacked): runtime $(du -sm "$BUNDLE/runtime" | cut -f1), lib $(du -sm "$BUNDLE/lib" | cut -f1), native $(du -sm "$BUNDLE/native" | cut -f1)"
python3 -c "import sys; print('upload: %s  %.1f MiB (limit %s MiB)' % (sys.argv[1], int(sys.argv[2]) / 2**20, sys.argv[3]))" \
  "$OUT/gpu-check.tar.gz" "$BYTES" "$LIMIT_MIB"
if [ "$BYTES" -gt $((LIMIT_MIB * 1024 * 1024)) ]; then
  echo "prepare.sh: the bundle is over the $LIMIT_MIB MiB limit" >&2
  exit 1
fi
