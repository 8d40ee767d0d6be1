using System.Runtime.InteropServices;

namespace Research.Benchmarks.Harness;

/// <summary>The machine the benchmarks ran on; reference library versions are added from the scripts' reports.</summary>
public sealed record MachineInfo(string Cpu, int LogicalCores, string DotNet, string OperatingSystem, string Architecture)
{
    /// <summary>Describes this machine.</summary>
    public static MachineInfo Current() => new(
        CpuModel(),
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture.ToString());

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        try
        {
            if (File.Exists(cpuinfo))
            {
                string? line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null) return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return "unknown";
    }
}
