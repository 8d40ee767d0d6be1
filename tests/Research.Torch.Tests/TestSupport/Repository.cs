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

    /// <summary>
    /// A path under ../shared/data beside the repository. Fails the test, naming the folder, when it is absent:
    /// real-data tests never pass silently without their data.
    /// </summary>
    public static string SharedData(string relative)
    {
        string folder = Path.GetFullPath(Path.Combine(Root(), "..", "shared", "data"));
        string path = Path.Combine(folder, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
            Assert.Fail($"{path} is missing: real-data tests need ../shared/data beside the repository (see its README) and do not pass without it.");
        return path;
    }
}
