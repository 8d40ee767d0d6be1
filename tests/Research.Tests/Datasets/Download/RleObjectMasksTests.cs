using Research.Datasets.Download;
using Research.Imaging.Codecs;

namespace Research.Tests.Datasets.Download;

/// <summary>DSB2018's real stage1_solution.csv, decoded as fetch does, gives the project's stage1_test masks pixel for pixel.</summary>
public sealed class RleObjectMasksTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("research-rle-masks-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_real_solution_decodes_to_the_projects_stage1_test_masks()
    {
        string shared = TestSupport.Repository.SharedData("dsb2018/stage1_test");
        foreach (string id in Directory.GetDirectories(shared).Select(d => Path.GetFileName(d))) Directory.CreateDirectory(Path.Combine(_dir, id!));
        var (images, masks, missing) = RleObjectMasks.Write(TestSupport.Repository.SharedData("dsb2018/stage1_solution.csv"), _dir);
        Assert.Equal((65, 4152), (images, masks));
        Assert.Empty(missing);
        foreach (string id in Directory.GetDirectories(shared).Select(d => Path.GetFileName(d)))
        {
            var expected = Directory.GetFiles(Path.Combine(shared, id!, "masks")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, Directory.GetFiles(Path.Combine(_dir, id!, "masks")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList());
            foreach (string name in expected)
            {
                byte[] theirs = ImageFile.Read<byte>(Path.Combine(shared, id!, "masks", name!)).Data;
                byte[] ours = ImageFile.Read<byte>(Path.Combine(_dir, id!, "masks", name!)).Data;
                Assert.True(theirs.AsSpan().SequenceEqual(ours), $"{id}/masks/{name} differs from the project's copy");
            }
        }
    }
}
