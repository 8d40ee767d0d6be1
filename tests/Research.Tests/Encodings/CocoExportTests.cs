using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Research.Encodings;
using Research.Imaging;
using static Research.Tests.TestSupport.Repository;

namespace Research.Tests.Encodings;

public sealed class CocoExportTests
{
    [Fact]
    public void Tiny_case_by_hand()
    {
        // 3 wide, 2 high, row-major:   0 4 4
        //                              0 0 9
        // Column-major order of pixels: (0,0)=0 (0,1)=0 (1,0)=4 (1,1)=0 (2,0)=4 (2,1)=9
        // label 4 -> mask 0 0 1 0 1 0 -> counts [2, 1, 1, 1, 1]; bbox x 1..2, y 0..0 -> [1, 0, 2, 1]; area 2
        // label 9 -> mask 0 0 0 0 0 1 -> counts [5, 1] (no trailing background); bbox [2, 1, 1, 1]; area 1
        var labels = new Image<ushort>(3, 2, 1, [0, 4, 4, 0, 0, 9]);
        var coco = CocoExport.Build([("t.png", labels)]);
        Assert.Equal(new CocoImage(1, "t.png", 3, 2), Assert.Single(coco.Images));
        Assert.Equal(2, coco.Annotations.Count);
        var (a, b) = (coco.Annotations[0], coco.Annotations[1]);
        Assert.Equal([2L, 1, 1, 1, 1], a.Segmentation.Counts);
        Assert.Equal([2, 3], a.Segmentation.Size);
        Assert.Equal(2L, a.Area);
        Assert.Equal([1, 0, 2, 1], a.Bbox);
        Assert.Equal([5L, 1], b.Segmentation.Counts);
        Assert.Equal(1L, b.Area);
        Assert.Equal([2, 1, 1, 1], b.Bbox);
        Assert.Equal((1, 2, 1, 1, 0), (a.Id, b.Id, a.ImageId, a.CategoryId, a.IsCrowd));
    }

    [Fact]
    public void An_object_on_the_first_pixel_starts_with_an_empty_background_run_and_an_empty_mask_is_one_run()
    {
        Assert.Equal([0L, 1, 5], CocoExport.ToCocoRle([new RleRun(1, 1)], 3, 2).Counts);
        Assert.Equal([6L], CocoExport.ToCocoRle([], 3, 2).Counts);
        Assert.Equal([1L, 4, 1], CocoExport.ToCocoRle([new RleRun(2, 2), new RleRun(4, 2)], 3, 2).Counts);
    }

    [Fact]
    public void Json_uses_coco_key_names()
    {
        var coco = CocoExport.Build([("t.png", new Image<byte>(2, 2, 1, [0, 1, 0, 0]))], new CocoExportOptions { CategoryName = "cell", CategoryId = 3 });
        using var json = JsonDocument.Parse(CocoExport.Serialize(coco));
        var annotation = json.RootElement.GetProperty("annotations")[0];
        Assert.Equal(0, annotation.GetProperty("iscrowd").GetInt32());
        Assert.Equal(1, annotation.GetProperty("image_id").GetInt32());
        Assert.Equal(3, annotation.GetProperty("category_id").GetInt32());
        Assert.Equal("[2,1,1]", annotation.GetProperty("segmentation").GetProperty("counts").GetRawText());
        Assert.Equal("[2,2]", annotation.GetProperty("segmentation").GetProperty("size").GetRawText());
        Assert.Equal("[1,0,1,1]", annotation.GetProperty("bbox").GetRawText());
        Assert.Equal("t.png", json.RootElement.GetProperty("images")[0].GetProperty("file_name").GetString());
        Assert.Equal("cell", json.RootElement.GetProperty("categories")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Matches_the_numpy_and_scikit_image_golden_file()
    {
        using var golden = JsonDocument.Parse(File.ReadAllText(PathOf("tests/Research.Tests/Encodings/Fixtures/coco_golden.json")));
        var images = golden.RootElement.GetProperty("images").EnumerateArray().ToList();
        var inputs = images.Select(i => (i.GetProperty("file_name").GetString()!, (IImage)LabelsOf(i))).ToList();
        var coco = CocoExport.Build(inputs);
        var expected = images.SelectMany((image, index) => image.GetProperty("annotations").EnumerateArray().Select(a => (
            ImageId: index + 1,
            Area: a.GetProperty("area").GetInt64(),
            Bbox: string.Join(',', a.GetProperty("bbox").EnumerateArray().Select(v => v.GetInt32())),
            Counts: string.Join(',', a.GetProperty("counts").EnumerateArray().Select(v => v.GetInt64()))))).ToList();
        var actual = coco.Annotations.Select(a => (a.ImageId, a.Area, string.Join(',', a.Bbox), string.Join(',', a.Segmentation.Counts))).ToList();
        Assert.Equal(5, expected.Count); // 4 objects in a.png, 1 in b.png, none in empty.png
        Assert.Equal(expected, actual);
        Assert.Equal(images.Select(i => (i.GetProperty("width").GetInt32(), i.GetProperty("height").GetInt32())), coco.Images.Select(i => (i.Width, i.Height)));
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Expanding_the_counts_gives_back_each_object()
    {
        var images = from w in Gen.Choose(1, 9)
                     from h in Gen.Choose(1, 9)
                     from values in Gen.ArrayOf(Gen.Elements<ushort>(0, 0, 1, 2, 5), w * h)
                     select new Image<ushort>(w, h, 1, values);
        return Prop.ForAll(images.ToArbitrary(), labels =>
        {
            var coco = CocoExport.Build([("p.png", labels)]);
            var present = labels.Data.Where(v => v != 0).Distinct().Order().ToList();
            bool ok = coco.Annotations.Count == present.Count;
            foreach (var (annotation, label) in coco.Annotations.Zip(present))
            {
                var expanded = annotation.Segmentation.Counts.SelectMany((c, i) => Enumerable.Repeat(i % 2 == 1, (int)c)).ToList();
                var columnMajor = Enumerable.Range(0, labels.Width * labels.Height).Select(n => labels.Data[(n % labels.Height) * labels.Width + n / labels.Height] == label);
                ok &= expanded.SequenceEqual(columnMajor) && annotation.Area == labels.Data.Count(v => v == label);
            }
            return ok;
        });
    }

    private static Image<ushort> LabelsOf(JsonElement image)
    {
        int width = image.GetProperty("width").GetInt32(), height = image.GetProperty("height").GetInt32();
        var data = image.GetProperty("labels").EnumerateArray().SelectMany(row => row.EnumerateArray().Select(v => (ushort)v.GetInt32())).ToArray();
        return new Image<ushort>(width, height, 1, data);
    }
}
