namespace Research.Tests.TestSupport;

/// <summary>Where the repository and the shared real data are, seen from the test binaries.</summary>
internal static class Repository
{
    /// <summary>The repository root: the folder holding Research.sln above the test binaries.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Research.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No folder holding Research.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>A file of the repository, by its path relative to the root.</summary>
    public static string PathOf(string relative) => Path.Combine(Root(), relative);

    /// <summary>
    /// A path under ../shared/data (relative to the repository root). Fails the test, naming the folder, when it is
    /// absent: real-data tests never pass silently without their data.
    /// </summary>
    public static string SharedData(string relative)
    {
        string folder = Path.GetFullPath(Path.Combine(Root(), "..", "shared", "data"));
        if (!Directory.Exists(folder))
        {
            Assert.Fail($"The shared data folder {folder} is missing; it should sit beside the repository as ../shared/data (see its README). This test needs real data and does not pass without it.");
        }
        string path = Path.Combine(folder, relative);
        if (!File.Exists(path) && !Directory.Exists(path)) Assert.Fail($"{path} is missing from the shared data folder {folder}.");
        return path;
    }
}
