using Research.IO;

namespace Research.Tests.IO;

public sealed class OutputFolderTests
{
    [Fact]
    public void Final_path_names_the_final_folder_through_nested_staging_folders()
    {
        string parent = Directory.CreateTempSubdirectory("research-outputfolder-").FullName;
        try
        {
            string target = Path.Combine(parent, "out");
            using (var outer = OutputFolder.Begin(target, force: false))
            {
                Assert.Contains(".out.staging-", outer.Staging, StringComparison.Ordinal);
                Assert.Equal(Path.Combine(target, "data", "a.png"), OutputFolder.FinalPath(Path.Combine(outer.Staging, "data", "a.png")));
                Assert.Equal(target, OutputFolder.FinalPath(outer.Staging));
                using (var inner = OutputFolder.Begin(outer.PathFor("evaluation"), force: false))
                {
                    // The inner staging folder lies beside evaluation/ inside the outer staging folder.
                    Assert.Equal(Path.Combine(target, "evaluation", "summary.json"), OutputFolder.FinalPath(Path.Combine(inner.Staging, "summary.json")));
                    inner.Commit();
                }
                // A sibling whose name only starts like the staging folder is not inside it.
                string sibling = outer.Staging + "x";
                Assert.Equal(sibling, OutputFolder.FinalPath(sibling));
                outer.Commit();
            }
            string elsewhere = Path.Combine("relative", "path");
            Assert.Equal(elsewhere, OutputFolder.FinalPath(elsewhere));
            Assert.True(Directory.Exists(Path.Combine(target, "evaluation")));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
