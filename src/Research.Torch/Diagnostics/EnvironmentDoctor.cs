using System.Runtime.InteropServices;
using System.Text;
using Research.Imaging;
using Research.Imaging.Codecs;
using Research.Torch.Runtime;
using TorchSharp;

namespace Research.Torch.Diagnostics;

/// <summary>
/// The checks behind <c>research doctor</c>: the core (.NET runtime, image codecs, libtorch) and the optional tools
/// (the .NET SDK, CUDA, Chromium, Debian's Python packages used as benchmark references; the notebook checks are
/// Research.Notebooks.Setup.NotebookChecks).
/// Each failed check says how to fix it. <see cref="CoreWorks"/> is true when every required check passed.
/// </summary>
public static class EnvironmentDoctor
{
    /// <summary>Runs every check, in a fixed order.</summary>
    public static IReadOnlyList<DoctorCheck> RunAll() =>
    [
        DotNetRuntime(),
        ImageCodecs(),
        LibTorch(),
        LibStdCxx(),
        Cuda(),
        DotNetSdk(),
        Chromium(),
        PythonReferences(),
    ];

    /// <summary>True when no required check failed.</summary>
    public static bool CoreWorks(IEnumerable<DoctorCheck> checks) => checks.All(c => !c.Required || c.Status == CheckStatus.Ok);

    private static DoctorCheck DotNetRuntime() =>
        Environment.Version.Major >= 10
            ? new(".NET runtime", true, CheckStatus.Ok, RuntimeInformation.FrameworkDescription)
            : new(".NET runtime", true, CheckStatus.Failed, RuntimeInformation.FrameworkDescription, "Install the .NET 10 SDK.");

    private static DoctorCheck ImageCodecs()
    {
        try
        {
            var image = new Image<ushort>(3, 2, 1, [1, 258, 65535, 0, 7, 4097]);
            using var stream = new MemoryStream();
            ImageFile.Write(stream, ImageFormat.Png, image);
            stream.Position = 0;
            var back = (Image<ushort>)ImageFile.Read(stream, "doctor.png");
            bool same = back.Data.AsSpan().SequenceEqual(image.Data);
            return same
                ? new("Image codecs", true, CheckStatus.Ok, "PNG (SkiaSharp + 16-bit path), JPEG, BMP, TIFF (LibTiff.NET)")
                : new("Image codecs", true, CheckStatus.Failed, "a 16-bit PNG did not round-trip", "Rebuild; report this as a bug.");
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InputException)
        {
            return new("Image codecs", true, CheckStatus.Failed, e.Message,
                "SkiaSharp's native library did not load: rebuild with 'dotnet build' so runtimes/linux-x64/native/libSkiaSharp.so is copied.");
        }
    }

    private static DoctorCheck LibTorch()
    {
        try
        {
            TorchRuntime.EnsureLoaded();
            using var sum = torch.ones(4, 4).sum();
            float value = sum.item<float>();
            return value == 16
                ? new("libtorch", true, CheckStatus.Ok, $"TorchSharp {TorchRuntime.TorchSharpVersion}, libtorch {TorchRuntime.LibTorchVersion}, {torch.get_num_threads()} CPU threads")
                : new("libtorch", true, CheckStatus.Failed, $"ones(4,4).sum() gave {value}", "Rebuild; report this as a bug.");
        }
        catch (Exception e) when (e is TorchUnavailableException or TypeInitializationException or DllNotFoundException or NotSupportedException)
        {
            return new("libtorch", true, CheckStatus.Failed, e.Message,
                "Rebuild with 'dotnet build' (the build copies libtorch and patches it for Debian 12); see environment/README.md.");
        }
    }

    private static DoctorCheck LibStdCxx()
    {
        string? path = new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6" }
            .FirstOrDefault(File.Exists);
        if (path is null) return new("libstdc++", false, CheckStatus.Warning, "not found in the usual places", "Install libstdc++6.");
        bool has = File.ReadAllBytes(path).AsSpan().IndexOf(Encoding.ASCII.GetBytes("GLIBCXX_3.4.32\0")) >= 0;
        return new("libstdc++", false, CheckStatus.Ok, has
            ? $"{path} provides GLIBCXX_3.4.32; libLibTorchSharp.so is used as shipped"
            : $"{path} lacks GLIBCXX_3.4.32 (GCC 12 or older); the build marks that requirement weak in output copies");
    }

    private static DoctorCheck Cuda()
    {
        try
        {
            TorchRuntime.EnsureLoaded();
            return torch.cuda.is_available()
                ? new("CUDA", false, CheckStatus.Ok, $"{torch.cuda.device_count()} device(s) visible")
                : new("CUDA", false, CheckStatus.Warning, "not available: computing on the CPU",
                    "For a GPU: an NVIDIA driver plus 'dotnet build -p:TorchBackend=cuda' (see environment/README.md).");
        }
        catch (Exception e) when (e is TorchUnavailableException or TypeInitializationException or DllNotFoundException)
        {
            return new("CUDA", false, CheckStatus.Warning, "not checked: libtorch did not load");
        }
    }

    private static DoctorCheck DotNetSdk()
    {
        var result = ExternalCommand.Run("dotnet", ["--version"]);
        return result is { ExitCode: 0 } r
            ? new(".NET SDK", false, CheckStatus.Ok, r.Output)
            : new(".NET SDK", false, CheckStatus.Warning, "'dotnet --version' did not run", "Install the .NET 10 SDK to build the project and run notebooks.");
    }

    private static DoctorCheck Chromium()
    {
        string? path = ExternalCommand.FindOnPath("chromium", "chromium-browser", "google-chrome");
        return path is not null
            ? new("Chromium", false, CheckStatus.Ok, path)
            : new("Chromium", false, CheckStatus.Warning, "not found (used to check that HTML reports draw)", "apt-get install chromium");
    }

    private static DoctorCheck PythonReferences()
    {
        const string python = "/usr/bin/python3";
        var result = File.Exists(python)
            ? ExternalCommand.Run(python, ["-c", "import numpy, cv2, PIL; print('numpy', numpy.__version__, 'opencv', cv2.__version__, 'pillow', PIL.__version__)"])
            : null;
        return result is { ExitCode: 0 } r
            ? new("Python references", false, CheckStatus.Ok, r.Output)
            : new("Python references", false, CheckStatus.Warning, "Debian's python3-numpy/opencv/pil not importable (needed only for benchmarks and golden files)",
                "bash tests/reference/install.sh   (apt-get install python3-numpy python3-opencv python3-pil)");
    }
}
