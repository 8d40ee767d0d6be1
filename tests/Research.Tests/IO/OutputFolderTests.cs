using Research.IO;

namespace Research.Tests.IO;

public sealed class OutputFolderTests
{
    [Fact]
    public void A_staging_folder_left_by_a_killed_process_is_removed_and_a_live_ones_kept()
    {
        string parent = Directory.CreateTempSubdirectory("research-outputfolder-").FullName;
        try
        {
            // PIDs above the kernel's pid_max (4194304 at most) never run; our own process does.
            string dead = Path.Combine(parent, ".out.staging-2147483000-0123456789abcdef0123456789abcdef");
            string live = Path.Combine(parent, $".out.staging-{Environment.ProcessId}-fedcba9876543210fedcba9876543210");
            string other = Path.Combine(parent, ".other.staging-2147483000-0123456789abcdef0123456789abcdef");
            foreach (string folder in new[] { dead, live, other }) Directory.CreateDirectory(folder);
            using (var output = OutputFolder.Begin(Path.Combine(parent, "out"), force: false))
            {
                Assert.False(Directory.Exists(dead));
                Assert.True(Directory.Exists(live));
                Assert.True(Directory.Exists(other)); // another output's staging is not this one's business
            }
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public void Final_path_maps_the_innermost_staging_folder_first_whatever_the_dictionary_order()
    {
        // The staging folders are kept in a hash table: mapping the outer one first hid the inner one's name in some
        // orders (a flaky CI run). Fifty pairs of fresh names cover both orders.
        string parent = Directory.CreateTempSubdirectory("research-outputfolder-").FullName;
        try
        {
            for (int i = 0; i < 50; i++)
            {
                string target = Path.Combine(parent, $"out{i}");
                using var outer = OutputFolder.Begin(target, force: false);
                using var inner = OutputFolder.Begin(outer.PathFor("evaluation"), force: false);
                Assert.Equal(Path.Combine(target, "evaluation", "summary.json"), OutputFolder.FinalPath(Path.Combine(inner.Staging, "summary.json")));
            }
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

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
