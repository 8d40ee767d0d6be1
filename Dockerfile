# Research environment with CUDA: .NET 10 SDK, TorchSharp on CUDA 12.8 libtorch, JupyterLab with the
# .NET Interactive kernel, Debian/Ubuntu python3 with NumPy, OpenCV and Pillow for the reference benchmarks.
#
#   docker build -t research .
#   docker run --rm -it --gpus all -p 8888:8888 research
#
# Set-up notes, the CPU-only alternative and the troubleshooting guide: environment/README.md.
# Lint with environment/lint-dockerfile.sh.

# The .NET SDK is copied from Microsoft's own image, which is built on the same Ubuntu 24.04 (noble).
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS dotnet-sdk

# CUDA 12.8 runtime with cuDNN 9, matching the CUDA 12.8 libtorch that TorchSharp-cuda-linux 0.107.0 ships.
FROM nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04

# The last published version of the .NET Interactive tool (.NET Interactive was deprecated in 2026; see
# environment/README.md for where this version was found).
ARG DOTNET_INTERACTIVE_VERSION=1.0.712001
# Must equal TorchSharp's version in Directory.Packages.props (the build takes it from there; this label records it).
ARG TORCHSHARP_VERSION=0.107.0
ARG USER_NAME=research
ARG USER_UID=1000

LABEL org.opencontainers.image.title="research" \
      org.opencontainers.image.description="C# biomedical image segmentation research environment (TorchSharp on CUDA, JupyterLab, .NET Interactive)" \
      research.torchsharp.version="${TORCHSHARP_VERSION}" \
      research.dotnet-interactive.version="${DOTNET_INTERACTIVE_VERSION}"

ENV DEBIAN_FRONTEND=noninteractive \
    DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
    NUGET_XMLDOC_MODE=skip \
    VIRTUAL_ENV=/opt/jupyter \
    PATH=/opt/jupyter/bin:/usr/share/dotnet:/home/research/.dotnet/tools:$PATH

# Runtime libraries of .NET (ICU, OpenSSL, zlib), git for the SDK, tini as init, and Ubuntu's python3 with
# the packages the reference benchmarks import through /usr/bin/python3.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        git \
        libicu74 \
        libssl3t64 \
        python3 \
        python3-numpy \
        python3-opencv \
        python3-pil \
        python3-venv \
        tini \
        tzdata \
        zlib1g \
    && rm -rf /var/lib/apt/lists/*

COPY --from=dotnet-sdk /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && dotnet --info

# JupyterLab in its own virtual environment, so pip never touches the distribution's python3.
RUN python3 -m venv /opt/jupyter \
    && /opt/jupyter/bin/pip install --no-cache-dir "jupyterlab>=4.4,<5"

# Ubuntu 24.04 images ship a user "ubuntu" with UID 1000; replace it so the default UID matches most hosts.
RUN if id -u ubuntu >/dev/null 2>&1; then userdel --remove ubuntu; fi \
    && useradd --create-home --shell /bin/bash --uid "${USER_UID}" "${USER_NAME}"

USER ${USER_NAME}
WORKDIR /home/${USER_NAME}/src

# The .NET Interactive tool for this user (a cached layer; `research notebooks setup` below registers its kernels).
RUN dotnet tool install --global Microsoft.dotnet-interactive --version "${DOTNET_INTERACTIVE_VERSION}"

# Restore first from the project files alone, so the multi-gigabyte CUDA libtorch download is a cached
# layer that survives source edits.
COPY --chown=${USER_NAME}:${USER_NAME} global.json NuGet.config Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY --chown=${USER_NAME}:${USER_NAME} environment/msbuild/ environment/msbuild/
COPY --chown=${USER_NAME}:${USER_NAME} src/Research/Research.csproj src/Research/
COPY --chown=${USER_NAME}:${USER_NAME} src/Research.Torch/Research.Torch.csproj src/Research.Torch/
COPY --chown=${USER_NAME}:${USER_NAME} src/Research.Notebooks/Research.Notebooks.csproj src/Research.Notebooks/
COPY --chown=${USER_NAME}:${USER_NAME} src/Research.Cli/Research.Cli.csproj src/Research.Cli/
RUN dotnet restore src/Research.Cli/Research.Cli.csproj -p:TorchBackend=cuda

# The whole solution, built for CUDA. No GPU is visible during a build: the doctor must load libtorch and
# report CUDA as unavailable here without failing; it finds the GPU when the container runs with --gpus.
COPY --chown=${USER_NAME}:${USER_NAME} . .
RUN dotnet build Research.sln -c Release -p:TorchBackend=cuda \
    && TorchBackend=cuda dotnet src/Research.Cli/bin/Release/net10.0/research.dll notebooks setup \
    && dotnet src/Research.Cli/bin/Release/net10.0/research.dll doctor

EXPOSE 8888
WORKDIR /home/${USER_NAME}/src/notebooks
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--port=8888", "--no-browser"]
