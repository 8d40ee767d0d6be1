using System.Collections.Concurrent;

namespace Research.IO;

/// <summary>
/// Builds an output folder as a whole: everything is written into a hidden staging folder beside the
/// target, which replaces the target only when complete. A failed run leaves no half-written folder.
/// A writer that records a path in what it writes (a datasheet's data root, a provenance's input) records
/// <see cref="FinalPath"/> of it, so no output ever names a staging folder.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    /// <summary>The staging folders of this process not yet disposed, with their final folders (full paths).</summary>
    private static readonly ConcurrentDictionary<string, string> Active = new(StringComparer.Ordinal);

    private readonly string _target;
    private readonly bool _force;
    private bool _committed;

    private OutputFolder(string target, string staging, bool force)
    {
        _target = target;
        Staging = staging;
        _force = force;
    }

    /// <summary>The folder to write into until <see cref="Commit"/>.</summary>
    public string Staging { get; }

    /// <summary>The final folder.</summary>
    public string Target => _target;

    /// <summary>
    /// Prepares to write <paramref name="path"/>. Its parent folder must exist and be writable. An existing
    /// non-empty target is refused unless <paramref name="force"/> is true, in which case it is replaced.
    /// </summary>
    public static OutputFolder Begin(string path, bool force)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new InputException("The output folder is empty; give a path with --out.");
        string full = Path.GetFullPath(path);
        string parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar))
                        ?? throw new InputException($"{path}: cannot use the file-system root as an output folder.");
        if (!Directory.Exists(parent))
        {
            throw new InputException($"{path}: the parent folder {parent} does not exist; create it first or choose another --out.");
        }
        if (File.Exists(full)) throw new InputException($"{path}: is a file, not a folder; choose another --out.");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !force)
        {
            throw new InputException($"{path}: the folder exists and is not empty; add --force to replace it, or choose another --out.");
        }
        RemoveStaleStaging(parent, Path.GetFileName(full));
        string staging = Path.Combine(parent, $".{Path.GetFileName(full)}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputException($"{path}: cannot write in {parent} ({e.Message}); choose a writable --out.", e);
        }
        Active[staging] = full;
        return new OutputFolder(full, staging, force);
    }

    /// <summary>
    /// The name <paramref name="path"/> will have once the staging folders it lies in (nested ones included) are
    /// committed: the full path under the final folders; a path in no staging folder is returned unchanged.
    /// </summary>
    public static string FinalPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        bool moved = false;
        for (bool again = true; again;)
        {
            again = false;
            // innermost staging folder first: mapping an outer one first would hide the nested one's name
            foreach (var (staging, target) in Active.OrderByDescending(kv => kv.Key.Length))
            {
                if (full.Length == staging.Length ? full == staging : full.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    full = target + full[staging.Length..];
                    moved = again = true;
                    break;
                }
            }
        }
        return moved ? full : path;
    }

    /// <summary>Removes the staging folders of <paramref name="name"/> left by processes that no longer run (killed writers).</summary>
    private static void RemoveStaleStaging(string parent, string name)
    {
        string prefix = $".{name}.staging-";
        foreach (string folder in Directory.EnumerateDirectories(parent, prefix + "*").ToList())
        {
            string rest = Path.GetFileName(folder)[prefix.Length..];
            int dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(rest.AsSpan(0, dash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pid)) continue;
            if (pid == Environment.ProcessId || IsRunning(pid)) continue;
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A path inside the staging folder, creating its sub-folders.</summary>
    public string PathFor(string relative)
    {
        string path = Path.Combine(Staging, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Moves the finished staging folder into place, replacing the target if allowed.</summary>
    public void Commit()
    {
        if (Directory.Exists(_target))
        {
            if (Directory.EnumerateFileSystemEntries(_target).Any() && !_force)
            {
                throw new InputException($"{_target}: the folder appeared while writing and is not empty; add --force to replace it.");
            }
            Directory.Delete(_target, recursive: true);
        }
        Directory.Move(Staging, _target);
        _committed = true;
        WriteSteps.Completed(_target);
    }

    /// <summary>Removes the staging folder if the output was not committed.</summary>
    public void Dispose()
    {
        Active.TryRemove(Staging, out _);
        if (!_committed && Directory.Exists(Staging))
        {
            try { Directory.Delete(Staging, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
