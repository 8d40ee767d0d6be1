namespace Research.Torch.Tests.TestSupport;

/// <summary>The repository the tests run from (the folder holding Research.sln above the test binaries).</summary>
internal static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Research.sln"))) return dir.FullName;
        throw new InvalidOperationException("Research.sln not found above " + AppContext.BaseDirectory);
    }
}
