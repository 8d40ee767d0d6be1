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
}
