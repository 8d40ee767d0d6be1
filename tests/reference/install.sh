#!/usr/bin/env bash
# Installs what the reference benchmark scripts (tests/reference/*.py) need: Debian's/Ubuntu's python3 with
# python3-numpy, python3-opencv, python3-pil, python3-torch (the training-step reference), python3-skimage (regionprops) and python3-torchvision (detection operators). The scripts run with /usr/bin/python3, never a pyenv, conda
# or venv interpreter, so the versions are the distribution's. Packages already present are left alone.
# Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(python3 python3-numpy python3-opencv python3-pil python3-torch python3-skimage python3-torchvision)
APT_INSTALL_CALLER=install.sh bash "$(dirname "$0")/../../environment/apt-install.sh" --no-install-recommends "${packages[@]}"

# Check that the interpreter the harness uses can import the modules.
if ! /usr/bin/python3 -c 'import numpy, cv2, PIL; print("install.sh: /usr/bin/python3", __import__("platform").python_version(), "numpy", numpy.__version__, "opencv", cv2.__version__, "pillow", PIL.__version__)'; then
    echo "install.sh: /usr/bin/python3 cannot import numpy, cv2 and PIL although the packages are installed." >&2
    exit 1
fi
