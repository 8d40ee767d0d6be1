#!/usr/bin/env bash
# Installs what the reference benchmark scripts (tests/reference/*.py) need: Debian's/Ubuntu's python3 with
# python3-numpy, python3-opencv, python3-pil, python3-torch (the training-step reference) and python3-skimage (regionprops). The scripts run with /usr/bin/python3, never a pyenv, conda
# or venv interpreter, so the versions are the distribution's. Packages already present are left alone.
# Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(python3 python3-numpy python3-opencv python3-pil python3-torch python3-skimage)
missing=()
for package in "${packages[@]}"; do
    if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        echo "install.sh: $package is installed ($(dpkg-query -W -f='${Version}' "$package"))."
    else
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install.sh: nothing to install."
else
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "install.sh: apt-get not found; this script supports Debian and Ubuntu. Install ${missing[*]} with your package manager." >&2
        exit 1
    fi
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "install.sh: ${missing[*]} missing and not running as root (no sudo either); run this script as root." >&2
            exit 1
        fi
    fi
    echo "install.sh: installing ${missing[*]} with apt-get (this updates the package lists first)."
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update; then
        echo "install.sh: 'apt-get update' failed; check the network and /etc/apt/sources.list, then run this script again." >&2
        exit 1
    fi
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; then
        echo "install.sh: 'apt-get install ${missing[*]}' failed; see the apt messages above." >&2
        exit 1
    fi
fi

# Check that the interpreter the harness uses can import the modules.
if ! /usr/bin/python3 -c 'import numpy, cv2, PIL; print("install.sh: /usr/bin/python3", __import__("platform").python_version(), "numpy", numpy.__version__, "opencv", cv2.__version__, "pillow", PIL.__version__)'; then
    echo "install.sh: /usr/bin/python3 cannot import numpy, cv2 and PIL although the packages are installed." >&2
    exit 1
fi
