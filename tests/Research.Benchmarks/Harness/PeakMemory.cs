using System.Globalization;

namespace Research.Benchmarks.Harness;

/// <summary>
/// Peak resident memory of this process on Linux: VmHWM of /proc/self/status, reset per case by writing 5 to
/// /proc/self/clear_refs (Linux 4.0+), so each case reports its own peak (including what earlier cases left resident).
/// Elsewhere both do nothing and the peak is null.
/// </summary>
public static class PeakMemory
{
    /// <summary>Resets the peak to the current resident size; false when the system does not allow it.</summary>
    public static bool Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>The peak resident memory in MiB since the last reset, or null when unknown.</summary>
    public static double? PeakMiB()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                string kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return double.Parse(kb, CultureInfo.InvariantCulture) / 1024;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        return null;
    }
}
