namespace Research.Benchmarks;

/// <summary>Finds the repository's folders from wherever the harness runs.</summary>
public static class RepositoryPaths
{
    /// <summary>tests/reference in the repository holding this build (or the current folder's repository).</summary>
    public static string ReferenceDirectory()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "tests", "reference");
                if (File.Exists(Path.Combine(dir.FullName, "Research.sln")) && Directory.Exists(candidate)) return candidate;
            }
        }
        throw new InputException(
            "Cannot find tests/reference: run the harness from inside the repository (the folder holding Research.sln).");
    }

    /// <summary>The repository root (the folder holding Research.sln).</summary>
    public static string Root() => Path.GetDirectoryName(Path.GetDirectoryName(ReferenceDirectory()))!;

    /// <summary>The data-manifests folder.</summary>
    public static string Manifests() => Path.Combine(Root(), "data-manifests");

    /// <summary>
    /// A split of the shared DSB2018 copy, <c>../shared/data/dsb2018/SPLIT</c> beside the repository (read in place,
    /// never copied); an <see cref="InputException"/> says so when it is absent.
    /// </summary>
    public static string SharedDsb2018(string split)
    {
        string folder = Path.GetFullPath(Path.Combine(Root(), "..", "shared", "data", "dsb2018", split));
        if (!Directory.Exists(folder)) throw new InputException($"{folder} is missing: this case needs the shared DSB2018 data beside the repository (../shared/data, see its README).");
        return folder;
    }
}
