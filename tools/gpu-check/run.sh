#!/usr/bin/env bash
# Runs on the GPU machine, inside the unpacked bundle that prepare.sh built (see README.md). Needs Python 3 (with
# CUDA PyTorch for the full check) and no JDK: the bundle brings its own jlinked Java runtime.
#
# Usage: ./run.sh [REPORT.json]      (default: gpu-check-report.json in the current folder)
# Environment: PYTHON  the Python with torch (default python3)
# Writes the JSON report and prints its summary; exits 0 whenever the report was written, whatever it found.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPORT="${1:-$PWD/gpu-check-report.json}"
PY="${PYTHON:-python3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/gpu-check.XXXXXX")"
ORT_VERSION="$(cat "$HERE/onnxruntime-version.txt")"
TORCH_VERSION="$(cat "$HERE/pytorch-version.txt")"
NOTES="$WORK/notes.txt"
: > "$NOTES"

echo "== probing CUDA, PyTorch and ONNX Runtime from Python"
if ! "$PY" "$HERE/probe_env.py" > "$WORK/env.json" 2> "$WORK/env.err"; then
  echo "probe_env.py failed: $(tail -c 500 "$WORK/env.err")" >> "$NOTES"
  echo '{}' > "$WORK/env.json"
fi
env_field() { "$PY" - "$WORK/env.json" "$1" <<'PY'
import json, sys
value = json.load(open(sys.argv[1]))
for key in sys.argv[2].split("."):
    value = value.get(key) if isinstance(value, dict) else None
if isinstance(value, list):
    print(":".join(value))
elif value is not None:
    print(value)
PY
}

# ONNX Runtime Java loads its libraries from one folder (onnxruntime.native.path): the bundle's, plus the CUDA
# provider of a Python onnxruntime-gpu of exactly the same version, when there is one.
NATIVE="$WORK/native"
mkdir -p "$NATIVE"
cp "$HERE"/native/* "$NATIVE/"
PY_ORT="$(env_field onnxruntime.version)"
PY_ORT_CUDA="$(env_field onnxruntime.cuda_provider_lib)"
if [ -n "$PY_ORT_CUDA" ] && [ "$PY_ORT" = "$ORT_VERSION" ]; then
  ln -s "$PY_ORT_CUDA" "$NATIVE/libonnxruntime_providers_cuda.so"
  echo "ONNX Runtime CUDA provider taken from Python onnxruntime $PY_ORT: $PY_ORT_CUDA" >> "$NOTES"
else
  echo "no ONNX Runtime CUDA provider: the bundle leaves it out (too large) and Python has onnxruntime '${PY_ORT:-none}' (CUDA provider: ${PY_ORT_CUDA:-none}); exactly $ORT_VERSION with CUDA is needed" >> "$NOTES"
fi

# CUDA and cuDNN libraries that CUDA PyTorch wheels bring as nvidia-* packages, and libtorch itself
TORCH_LIB="$(env_field torch.lib_dir)"
LIBS="$(env_field nvidia_python_lib_dirs)"
export LD_LIBRARY_PATH="$NATIVE${LIBS:+:$LIBS}${TORCH_LIB:+:$TORCH_LIB}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

# DJL (training) uses the machine's libtorch when its version is the SDK's PyTorch version and it is a CUDA 12 build
DJL_ARG=""
TORCH_FOUND="$(env_field torch.version)"
TORCH_CUDA="$(env_field torch.cuda_build)"
if [ "${TORCH_FOUND%%+*}" = "$TORCH_VERSION" ] && [ "${TORCH_CUDA%%.*}" = "12" ]; then
  export PYTORCH_LIBRARY_PATH="$TORCH_LIB" PYTORCH_VERSION="$TORCH_VERSION" PYTORCH_FLAVOR="cu128"
  export DJL_CACHE_DIR="$WORK/djl"
  DJL_ARG="djl"
  echo "DJL uses libtorch $TORCH_FOUND (CUDA $TORCH_CUDA) from $TORCH_LIB" >> "$NOTES"
else
  echo "DJL not run: it needs PyTorch $TORCH_VERSION built for CUDA 12, found '${TORCH_FOUND:-none}' (CUDA '${TORCH_CUDA:-none}')" >> "$NOTES"
fi

echo "== running the SDK's CUDA paths on the bundled Java runtime"
"$HERE/runtime/bin/java" -Donnxruntime.native.path="$NATIVE" -Dai.djl.offline=true \
  -cp "$HERE/lib/*:$HERE/probe/gpu-probe.jar" io.retailgen.gpucheck.GpuProbe "$WORK/java.json" $DJL_ARG \
  > "$WORK/java.log" 2>&1
JAVA_RC=$?

"$PY" - "$WORK" "$JAVA_RC" "$REPORT" <<'PY'
import json, os, sys
work, java_rc, report_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
env = json.load(open(os.path.join(work, "env.json")))
java_file = os.path.join(work, "java.json")
java = json.load(open(java_file)) if os.path.isfile(java_file) else {}
log = open(os.path.join(work, "java.log"), errors="replace").read()
torch = env.get("torch", {})
onnx_cuda = java.get("onnx", {}).get("cuda", {})
summary = {
    "torch_cuda": bool(torch.get("cuda_available")) and "matmul_max_abs_diff_vs_cpu" in torch,
    "sdk_onnx_on_cuda": bool(onnx_cuda.get("ran_on_cuda")),
    "sdk_djl_on_cuda": bool(java.get("djl", {}).get("ran_on_cuda")),
    "java_exit_code": java_rc,
}
report = {"summary": summary, "notes": open(os.path.join(work, "notes.txt")).read().splitlines(),
          "env": env, "java": java, "java_log_tail": log[-4000:]}
with open(report_path, "w") as f:
    json.dump(report, f, indent=2)
print(json.dumps(summary, indent=2))
for note in report["notes"]:
    print("note:", note)
print("report:", report_path)
PY
