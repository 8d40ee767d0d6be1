namespace Research.IO;

/// <summary>
/// Builds an output folder as a whole: everything is written into a hidden staging folder beside the
/// target, which replaces the target only when complete. A failed run leaves no half-written folder.
/// </summary>
public sealed class OutputFolder : IDisposable
{
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
        string staging = Path.Combine(parent, $".{Path.GetFileName(full)}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputException($"{path}: cannot write in {parent} ({e.Message}); choose a writable --out.", e);
        }
        return new OutputFolder(full, staging, force);
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
    }

    /// <summary>Removes the staging folder if the output was not committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging))
        {
            try { Directory.Delete(Staging, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
