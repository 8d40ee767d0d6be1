using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Research.Torch.Runtime;

/// <summary>
/// Loads libtorch through TorchSharp, picks the device, and reports versions.
/// Call <see cref="EnsureLoaded"/> (every entry point of this library does) before any <c>torch.*</c> call:
/// it loads the native library from this application's own folder and, if that fails, stops with an
/// explanation instead of letting TorchSharp's fallback copy 600 MB of unpatched libtorch next to the
/// application (its behaviour when the regular load fails).
/// </summary>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static bool _loaded;

    /// <summary>The libtorch version this build of TorchSharp expects (for example "2.10.0").</summary>
    public static string LibTorchVersion => TorchSharp.torch.NormalizeNuGetVersion(TorchSharp.torch.__version__);

    /// <summary>The TorchSharp assembly's version.</summary>
    public static string TorchSharpVersion =>
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Loads the native TorchSharp library once; throws <see cref="TorchUnavailableException"/> with advice if it cannot.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loaded) return;
            // Intel oneMKL inside libtorch ends the process ("Intel oneMKL FATAL ERROR: Cannot load libtorch_cpu.so")
            // when the working folder has been deleted: say so while an exception can still be raised.
            if (!WorkingFolderExists())
            {
                throw new TorchUnavailableException(
                    "The working folder no longer exists (it was deleted after this process started in it), and libtorch cannot " +
                    "load from a deleted working folder: change to an existing folder and run again.");
            }
            string? path = FindNativeLibrary();
            if (path is null)
            {
                throw new TorchUnavailableException(
                    $"libLibTorchSharp.so was not found in {string.Join(" or ", SearchFolders())}. Build the project with " +
                    "'dotnet build' (it copies libtorch into the output folder), or for notebooks run 'research notebooks setup', " +
                    "rather than loading the assemblies from the NuGet cache.");
            }
            try
            {
                NativeLibrary.Load(path);
            }
            catch (DllNotFoundException e)
            {
                throw new TorchUnavailableException(Explain(path, e.Message), e);
            }
            using (torch.ones(1)) { } // let TorchSharp finish its own initialisation on the loaded library
            _loaded = true;
        }
    }

    private static bool WorkingFolderExists()
    {
        try
        {
            return Directory.Exists(Environment.CurrentDirectory);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True when CUDA is usable by libtorch in this process.</summary>
    public static bool CudaAvailable
    {
        get
        {
            EnsureLoaded();
            return torch.cuda.is_available();
        }
    }

    /// <summary>Resolves a device preference to the device that will be used.</summary>
    public static torch.Device ResolveDevice(DevicePreference preference)
    {
        EnsureLoaded();
        return preference switch
        {
            DevicePreference.Cpu => torch.CPU,
            DevicePreference.Cuda when torch.cuda.is_available() => torch.CUDA,
            DevicePreference.Cuda => throw new InputException(
                "--device cuda was requested but CUDA is not available: this build uses the CPU libtorch " +
                "(rebuild with -p:TorchBackend=cuda) or no NVIDIA driver is visible. Use --device cpu or auto."),
            _ => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
        };
    }

    /// <summary>
    /// The folders searched for libLibTorchSharp.so, in order: beside the TorchSharp assembly actually loaded, beside
    /// this library, then the host's own folder. They differ in a notebook kernel, whose host is the kernel tool while
    /// the assemblies come from the folder a notebook referenced (<c>#r</c>).
    /// </summary>
    internal static IReadOnlyList<string> SearchFolders() =>
        [.. new[] { typeof(torch).Assembly.Location, typeof(TorchRuntime).Assembly.Location }
            .Where(l => l.Length > 0).Select(l => Path.GetDirectoryName(l)!)
            .Append(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))
            .Distinct(StringComparer.Ordinal)];

    private static string? FindNativeLibrary() =>
        SearchFolders().SelectMany(folder => new[]
        {
            Path.Combine(folder, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
            Path.Combine(folder, "libLibTorchSharp.so"),
        }).FirstOrDefault(File.Exists);

    private static string Explain(string path, string loaderMessage)
    {
        string hint = loaderMessage.Contains("GLIBCXX", StringComparison.Ordinal)
            ? " The host's libstdc++ is older than the one libtorch was built against. The build marks the missing " +
              "GLIBCXX_3.4.32 requirement weak (environment/msbuild/LibTorchSharpGlibcxx.targets); rebuild with " +
              "'dotnet build' so the patched copy is used, or install a newer libstdc++6."
            : " Run 'research doctor' for a full check.";
        return $"libtorch could not be loaded from {path}: {loaderMessage}.{hint}";
    }
}
