using Research.Encodings;
using Research.Imaging;
using Research.Imaging.Codecs;
using static Research.Tests.TestSupport.Repository;

namespace Research.Tests.Encodings;

/// <summary>The official DSB2018 stage-1 solution file against the per-object stage1_test masks (../shared/data).</summary>
public sealed class Dsb2018SolutionTests
{
    [Fact]
    public void Decoding_the_solution_reproduces_every_stage1_test_mask_and_encoding_the_masks_reproduces_its_runs()
    {
        string csv = SharedData("dsb2018/stage1_solution.csv");
        string testDir = SharedData("dsb2018/stage1_test");
        var rows = RleCsvReader.Read(csv).ToList();
        var byImage = rows.GroupBy(r => r.ImageId).ToDictionary(g => g.Key, g => g.ToList());
        var decoded = RleDecoder.Decode(rows, _ => null, csv).ToList();
        Assert.Equal(65, decoded.Count);
        Assert.Equal(4152, decoded.Sum(d => d.Objects));
        Assert.Equal(Directory.GetDirectories(testDir).Select(Path.GetFileName).Order(), decoded.Select(d => d.ImageId).Order());

        int masks = 0;
        foreach (var image in decoded)
        {
            var maskFiles = Directory.GetFiles(Path.Combine(testDir, image.ImageId, "masks"), "*.png");
            Assert.Equal(image.Objects, maskFiles.Length);
            var matched = new HashSet<ushort>();
            var maskRuns = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in maskFiles)
            {
                var mask = ImageFile.Read<byte>(file);
                ushort label = MatchingLabel(mask, image.Labels, file);
                Assert.True(matched.Add(label), $"{file}: its object (label {label}) was already matched by another mask.");
                Assert.True(maskRuns.Add(KaggleRle.Format(KaggleRle.Encode(mask))), $"{file}: duplicate mask.");
                masks++;
            }
            var csvRuns = byImage[image.ImageId].Select(r => r.EncodedPixels).ToHashSet(StringComparer.Ordinal);
            Assert.True(csvRuns.SetEquals(maskRuns), $"{image.ImageId}: encoding the masks does not give the CSV's run strings.");
        }
        Assert.Equal(4152, masks);
    }

    /// <summary>The one decoded label covering exactly the mask's foreground (fails naming the file otherwise).</summary>
    private static ushort MatchingLabel(Image<byte> mask, Image<ushort> labels, string file)
    {
        Assert.Equal((labels.Width, labels.Height, 1), (mask.Width, mask.Height, mask.Channels));
        ushort label = 0;
        int area = 0;
        for (int i = 0; i < mask.Data.Length; i++)
        {
            if (mask.Data[i] == 0) continue;
            Assert.True(mask.Data[i] == 255, $"{file}: value {mask.Data[i]} is not 0 or 255.");
            if (label == 0) label = labels.Data[i];
            Assert.True(label != 0 && labels.Data[i] == label, $"{file}: pixel {i} is not covered by one decoded object.");
            area++;
        }
        Assert.True(label != 0, $"{file}: empty mask.");
        Assert.Equal(area, labels.Data.Count(v => v == label));
        return label;
    }
}
