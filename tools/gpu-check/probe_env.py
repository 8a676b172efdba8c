"""Probes the GPU machine's CUDA stack from Python and prints one JSON object.

What it reports: the NVIDIA driver and GPUs (nvidia-smi), PyTorch (version, CUDA build, cuDNN, whether a matrix
product on cuda:0 matches the CPU), the CUDA libraries shipped as Python packages (nvidia-*), and ONNX Runtime
(version, providers, and whether its capi folder holds the CUDA provider library that the Java probe can borrow).
Nothing here needs a GPU: on a machine without one every field says so instead of failing.
"""
import glob
import importlib
import json
import os
import platform
import shutil
import subprocess
import sys


def nvidia_smi():
    exe = shutil.which("nvidia-smi")
    if exe is None:
        return {"found": False}
    try:
        out = subprocess.run([exe, "--query-gpu=name,driver_version,memory.total", "--format=csv,noheader"],
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as e:
        return {"found": True, "error": str(e)}
    return {"found": True, "returncode": out.returncode,
            "gpus": [line.strip() for line in out.stdout.splitlines() if line.strip()],
            "stderr": out.stderr.strip()[-500:]}


def torch_info():
    try:
        torch = importlib.import_module("torch")
    except Exception as e:  # noqa: BLE001 - any import failure is a finding to report
        return {"installed": False, "error": repr(e)}
    info = {"installed": True, "version": torch.__version__, "cuda_build": torch.version.cuda,
            "lib_dir": os.path.join(os.path.dirname(torch.__file__), "lib"),
            "cuda_available": bool(torch.cuda.is_available())}
    try:
        info["cudnn"] = torch.backends.cudnn.version()
    except Exception as e:  # noqa: BLE001
        info["cudnn_error"] = repr(e)
    if info["cuda_available"]:
        try:
            info["device_count"] = torch.cuda.device_count()
            info["device_name"] = torch.cuda.get_device_name(0)
            a = torch.randn(256, 512, generator=torch.Generator().manual_seed(1))
            b = torch.randn(512, 128, generator=torch.Generator().manual_seed(2))
            gpu = (a.cuda() @ b.cuda()).cpu()
            info["matmul_max_abs_diff_vs_cpu"] = float((gpu - a @ b).abs().max())
        except Exception as e:  # noqa: BLE001
            info["cuda_error"] = repr(e)
    return info


def nvidia_python_libs():
    """Folders of the nvidia-* pip packages (cuBLAS, cuDNN, ...) that CUDA PyTorch wheels bring."""
    dirs = set()
    for base in sys.path:
        for d in glob.glob(os.path.join(base, "nvidia", "*", "lib")):
            if os.path.isdir(d):
                dirs.add(os.path.realpath(d))
    return sorted(dirs)


def onnxruntime_info():
    try:
        ort = importlib.import_module("onnxruntime")
    except Exception as e:  # noqa: BLE001
        return {"installed": False, "error": repr(e)}
    capi = os.path.join(os.path.dirname(ort.__file__), "capi")
    cuda_lib = os.path.join(capi, "libonnxruntime_providers_cuda.so")
    return {"installed": True, "version": ort.__version__, "providers": ort.get_available_providers(),
            "capi_dir": capi, "cuda_provider_lib": cuda_lib if os.path.isfile(cuda_lib) else None}


def main():
    report = {"python": sys.version.split()[0], "platform": platform.platform(), "machine": platform.machine(),
              "nvidia_smi": nvidia_smi(), "torch": torch_info(), "nvidia_python_lib_dirs": nvidia_python_libs(),
              "onnxruntime": onnxruntime_info(),
              "cuda_visible_devices": os.environ.get("CUDA_VISIBLE_DEVICES")}
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
