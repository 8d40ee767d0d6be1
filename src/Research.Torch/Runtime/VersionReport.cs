using System.Runtime.InteropServices;
using Research.Provenance;
using TorchSharp;

namespace Research.Torch.Runtime;

/// <summary>The versions that matter to results, and the device that would be used.</summary>
/// <param name="Library">This library's version.</param>
/// <param name="GitCommit">The commit it was built from, when known.</param>
/// <param name="Dotnet">The .NET runtime.</param>
/// <param name="Torchsharp">The TorchSharp version.</param>
/// <param name="Libtorch">The libtorch version TorchSharp binds to.</param>
/// <param name="Backend">cpu or cuda: which libtorch build is loaded.</param>
/// <param name="Device">The device <c>--device auto</c> resolves to.</param>
public sealed record VersionReport(string Library, string? GitCommit, string Dotnet, string Torchsharp, string Libtorch, string Backend, string Device)
{
    /// <summary>Collects the report (loads libtorch).</summary>
    public static VersionReport Collect()
    {
        TorchRuntime.EnsureLoaded();
        bool cuda = torch.cuda.is_available();
        string device = cuda ? $"cuda ({torch.cuda.device_count()} GPU)" : "cpu";
        string backend = File.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libtorch_cuda.so"))
                         || File.Exists(Path.Combine(AppContext.BaseDirectory, "libtorch_cuda.so")) ? "cuda" : "cpu";
        return new VersionReport(LibraryVersion.Version, LibraryVersion.GitCommit, RuntimeInformation.FrameworkDescription,
            TorchRuntime.TorchSharpVersion, TorchRuntime.LibTorchVersion, backend, device);
    }

    /// <summary>The report as the component map recorded in provenance files.</summary>
    public IReadOnlyDictionary<string, string> AsComponents() => new Dictionary<string, string>
    {
        ["torchsharp"] = Torchsharp,
        ["libtorch"] = Libtorch,
        ["libtorch_backend"] = Backend,
        ["device"] = Device,
    };
}
